package cn.rtms.onboarding;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.random.RandomGenerator;

import javax.imageio.ImageIO;

/**
 * Draws an arithmetic captcha ("7 + 5 = ?") as a PNG without fonts: each character is a
 * 5×7 dot pattern drawn as jittered blocks over noise lines and dots, so it renders the
 * same on a headless server without any font installed.
 */
final class CaptchaImage {

	static final int WIDTH = 200;

	static final int HEIGHT = 60;

	private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
			Map.entry('0', new String[] { "01110", "10001", "10011", "10101", "11001", "10001", "01110" }),
			Map.entry('1', new String[] { "00100", "01100", "00100", "00100", "00100", "00100", "01110" }),
			Map.entry('2', new String[] { "01110", "10001", "00001", "00010", "00100", "01000", "11111" }),
			Map.entry('3', new String[] { "11110", "00001", "00001", "01110", "00001", "00001", "11110" }),
			Map.entry('4', new String[] { "00010", "00110", "01010", "10010", "11111", "00010", "00010" }),
			Map.entry('5', new String[] { "11111", "10000", "11110", "00001", "00001", "10001", "01110" }),
			Map.entry('6', new String[] { "00110", "01000", "10000", "11110", "10001", "10001", "01110" }),
			Map.entry('7', new String[] { "11111", "00001", "00010", "00100", "01000", "01000", "01000" }),
			Map.entry('8', new String[] { "01110", "10001", "10001", "01110", "10001", "10001", "01110" }),
			Map.entry('9', new String[] { "01110", "10001", "10001", "01111", "00001", "00010", "01100" }),
			Map.entry('+', new String[] { "00000", "00100", "00100", "11111", "00100", "00100", "00000" }),
			Map.entry('-', new String[] { "00000", "00000", "00000", "11111", "00000", "00000", "00000" }),
			Map.entry('=', new String[] { "00000", "00000", "11111", "00000", "11111", "00000", "00000" }),
			Map.entry('?', new String[] { "01110", "10001", "00001", "00010", "00100", "00000", "00100" }));

	private CaptchaImage() {
	}

	/**
	 * @param text the characters to draw (digits, '+', '-', '=', '?', ' ')
	 * @param random the randomness of jitter and noise
	 * @return the PNG
	 */
	static byte[] png(String text, RandomGenerator random) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(new Color(245, 247, 250));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setStroke(new BasicStroke(1.5f));
			for (int i = 0; i < 6; i++) {
				g.setColor(new Color(150 + random.nextInt(80), 150 + random.nextInt(80), 150 + random.nextInt(80)));
				g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH),
						random.nextInt(HEIGHT));
			}
			int block = 4;
			int x = 12;
			for (char c : text.toCharArray()) {
				String[] glyph = GLYPHS.get(c);
				if (glyph != null) {
					int top = 12 + random.nextInt(10);
					g.setColor(new Color(20 + random.nextInt(90), 30 + random.nextInt(90), 60 + random.nextInt(120)));
					for (int row = 0; row < glyph.length; row++) {
						for (int col = 0; col < 5; col++) {
							if (glyph[row].charAt(col) == '1') {
								g.fillRect(x + col * block + random.nextInt(2), top + row * block + random.nextInt(2),
										block, block);
							}
						}
					}
				}
				x += 5 * block + 4 + random.nextInt(4);
			}
			for (int i = 0; i < 120; i++) {
				g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
				g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 1, 1);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
