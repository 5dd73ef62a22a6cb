package cn.rtms.onboarding;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptchaImageTests {

	@Test
	void drawsAPngWithTheCharactersWithoutFonts() throws IOException {
		byte[] png = CaptchaImage.png("7+5=?", new Random(1));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(CaptchaImage.WIDTH);
		assertThat(image.getHeight()).isEqualTo(CaptchaImage.HEIGHT);
		assertThat(darkPixels(image)).as("glyph blocks drawn").isGreaterThan(300);
		BufferedImage blank = ImageIO.read(new ByteArrayInputStream(CaptchaImage.png("", new Random(1))));
		assertThat(darkPixels(blank)).as("noise only").isLessThan(darkPixels(image) / 3);
	}

	private static int darkPixels(BufferedImage image) {
		int dark = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				int rgb = image.getRGB(x, y);
				int sum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
				if (sum < 3 * 150) {
					dark++;
				}
			}
		}
		return dark;
	}

}
