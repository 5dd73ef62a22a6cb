package cn.rtms.platform;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders XHTML with Chinese text to PDF: openhtmltopdf on PDFBox with the first
 * non-monospaced face of the TrueType collection {@code rtms.filing.pdf-font} (Debian's
 * {@code fonts-wqy-zenhei}; Noto CJK's CFF outlines fail in PDFBox, see STACK.md),
 * registered as the family {@code WenQuanYi Zen Hei}. Used by the filing record and the
 * capability assessment.
 */
@Component
public class ChinesePdf {

	/** The font family name the HTML's CSS must use. */
	public static final String FONT_FAMILY = "WenQuanYi Zen Hei";

	private final String fontPath;

	ChinesePdf(@Value("${rtms.filing.pdf-font:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") String fontPath) {
		this.fontPath = fontPath;
	}

	/**
	 * @param html well-formed XHTML
	 * @param what what is printed, for the error message (e.g. 备案)
	 * @return the PDF
	 * @throws IllegalStateException when the font is not installed (names the Debian
	 * package) or rendering fails
	 */
	public byte[] render(String html, String what) {
		File font = new File(this.fontPath);
		if (!font.isFile()) {
			throw new IllegalStateException("生成 PDF 需要中文字体 " + this.fontPath
					+ "（Debian 软件包 fonts-wqy-zenhei：apt-get install -y fonts-wqy-zenhei）");
		}
		try (TrueTypeCollection collection = new TrueTypeCollection(font);
				PDDocument document = new PDDocument();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(document);
			List<TrueTypeFont> fonts = new ArrayList<>();
			collection.processAllFonts(fonts::add);
			TrueTypeFont chosen = fonts.stream()
				.filter(f -> !nameOf(f).contains("Mono"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("字体文件 " + this.fontPath + " 中没有可用字体"));
			builder.useFont(new PDFontSupplier(PDType0Font.load(document, chosen, true)), FONT_FAMILY);
			builder.withHtmlContent(html, null);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.createPDFWithoutClosing();
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("生成" + what + " PDF 失败：" + ex.getMessage(), ex);
		}
	}

	private static String nameOf(TrueTypeFont font) {
		try {
			return font.getName();
		}
		catch (IOException ex) {
			return "";
		}
	}

}
