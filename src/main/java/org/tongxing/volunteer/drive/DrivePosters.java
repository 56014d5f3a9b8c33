package org.tongxing.volunteer.drive;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

import org.tongxing.shared.pdf.CjkFonts;

/**
 * Draws the printable A4 recruitment poster: the association, the drive, its unit and
 * dates, a QR code of the short registration link (error correction Q, so a crease or a
 * smudge still scans), a call to action in Chinese and English, and the link in text. The
 * PDF embeds its font ({@link CjkFonts}); the PNG is A4 at 200 dpi. Both are laid out in
 * the same A4 points.
 */
@Component
class DrivePosters {

	static final float PAGE_WIDTH = PageSize.A4.getWidth();

	static final float PAGE_HEIGHT = PageSize.A4.getHeight();

	static final float MARGIN = 56;

	static final float QR_SIZE = 300;

	/** Modules of white around the code, as the QR specification asks. */
	static final int QUIET_ZONE = 4;

	/** 200 dpi: 1654 x 2339 pixels, sharp when printed, a few hundred kilobytes. */
	static final float PNG_SCALE = 200f / 72f;

	static final Color BRAND = new Color(0xB0, 0x1E, 0x23);

	private final CjkFonts fonts;

	DrivePosters(CjkFonts fonts) {
		this.fonts = fonts;
	}

	/** The QR code of a text: its modules, without the quiet zone. */
	static BitMatrix qr(String text) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q);
		hints.put(EncodeHintType.MARGIN, 0);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("The link does not fit a QR code", ex);
		}
	}

	/** The poster as a one-page A4 PDF. */
	byte[] pdf(Poster poster) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(poster.driveName());
			document.addSubject(poster.association());
			document.open();
			BaseFont base = this.fonts.pdfFont();
			document.add(paragraph(poster.association(), new Font(base, 16, Font.NORMAL, Color.DARK_GRAY), 0, 18));
			document.add(paragraph(poster.driveName(), new Font(base, 30, Font.NORMAL, BRAND), 0, 14));
			document.add(paragraph(poster.unitName(), new Font(base, 18, Font.NORMAL, Color.BLACK), 0, 6));
			document.add(paragraph(poster.dates(), new Font(base, 14, Font.NORMAL, Color.DARK_GRAY), 0, 18));
			Image code = Image.getInstance(qrTemplate(writer.getDirectContent(), poster.link()));
			code.setAlignment(Element.ALIGN_CENTER);
			document.add(code);
			document.add(paragraph(poster.callToAction(), new Font(base, 24, Font.NORMAL, BRAND), 18, 4));
			document.add(paragraph(poster.callToActionEn(), new Font(base, 14, Font.NORMAL, Color.DARK_GRAY), 0, 16));
			document.add(paragraph(poster.link(), new Font(base, 14, Font.NORMAL, Color.BLACK), 0, 0));
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot write the poster PDF", ex);
		}
		return out.toByteArray();
	}

	private static Paragraph paragraph(String text, Font font, float before, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		paragraph.setLeading(font.getSize() * 1.3f);
		return paragraph;
	}

	/** The QR code in vector form: sharp at any print size. */
	private static PdfTemplate qrTemplate(PdfContentByte content, String link) {
		BitMatrix matrix = qr(link);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		float cell = QR_SIZE / modules;
		PdfTemplate template = content.createTemplate(QR_SIZE, QR_SIZE);
		template.setColorFill(Color.WHITE);
		template.rectangle(0, 0, QR_SIZE, QR_SIZE);
		template.fill();
		template.setColorFill(Color.BLACK);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					// PDF's origin is bottom left; the matrix's top left
					template.rectangle((x + QUIET_ZONE) * cell, QR_SIZE - (y + QUIET_ZONE + 1) * cell, cell, cell);
				}
			}
		}
		template.fill();
		return template;
	}

	/** The poster as an A4 PNG at 200 dpi. */
	byte[] png(Poster poster) {
		int width = Math.round(PAGE_WIDTH * PNG_SCALE);
		int height = Math.round(PAGE_HEIGHT * PNG_SCALE);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.scale(PNG_SCALE, PNG_SCALE);
			float y = MARGIN;
			y = text(g, poster.association(), 16, Color.DARK_GRAY, y) + 18;
			y = text(g, poster.driveName(), 30, BRAND, y) + 14;
			y = text(g, poster.unitName(), 18, Color.BLACK, y) + 6;
			y = text(g, poster.dates(), 14, Color.DARK_GRAY, y) + 18;
			drawQr(g, poster.link(), (PAGE_WIDTH - QR_SIZE) / 2, y);
			y += QR_SIZE + 18;
			y = text(g, poster.callToAction(), 24, BRAND, y) + 4;
			y = text(g, poster.callToActionEn(), 14, Color.DARK_GRAY, y) + 16;
			text(g, poster.link(), 14, Color.BLACK, y);
			g.setColor(BRAND);
			g.setStroke(new BasicStroke(6));
			g.drawLine(0, 3, Math.round(PAGE_WIDTH), 3);
		}
		finally {
			g.dispose();
		}
		return writePng(image);
	}

	/** Draws centred, wrapped text from the top {@code y}; returns the bottom. */
	private float text(Graphics2D g, String text, float size, Color color, float y) {
		java.awt.Font font = this.fonts.awtFont(java.awt.Font.PLAIN, size);
		g.setFont(font);
		g.setColor(color);
		FontMetrics metrics = g.getFontMetrics(font);
		float leading = size * 1.3f;
		float bottom = y;
		for (String line : wrap(text, metrics, PAGE_WIDTH - 2 * MARGIN)) {
			float lineWidth = (float) metrics.getStringBounds(line, g).getWidth();
			bottom += leading;
			g.drawString(line, (PAGE_WIDTH - lineWidth) / 2, bottom - (leading - size) / 2 - size * 0.15f);
		}
		return bottom;
	}

	/**
	 * Lines no wider than {@code width}: Chinese breaks between any two characters, other
	 * text at spaces when it can.
	 */
	static List<String> wrap(String text, FontMetrics metrics, float width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		int lastSpace = -1;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			line.appendCodePoint(codePoint);
			if (Character.isWhitespace(codePoint)) {
				lastSpace = line.length() - 1;
			}
			if (metrics.stringWidth(line.toString()) > width && line.length() > 1) {
				String rest;
				if (lastSpace > 0 && codePoint < 0x2E80) {
					rest = line.substring(lastSpace + 1);
					line.setLength(lastSpace);
				}
				else {
					int cut = line.length() - Character.charCount(codePoint);
					rest = line.substring(cut);
					line.setLength(cut);
				}
				lines.add(line.toString().strip());
				line = new StringBuilder(rest);
				lastSpace = -1;
			}
			i += Character.charCount(codePoint);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString().strip());
		}
		return lines;
	}

	/**
	 * Draws the QR code (with its quiet zone) into a square of {@code QR_SIZE} points at
	 * the given place, on whole device pixels so that modules neither blur nor leave
	 * gaps.
	 */
	private static void drawQr(Graphics2D g, String link, float left, float top) {
		BitMatrix matrix = qr(link);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		AffineTransform user = g.getTransform();
		int cell = (int) Math.floor(QR_SIZE * user.getScaleX() / modules);
		int size = cell * modules;
		int x0 = (int) Math.round(left * user.getScaleX() + (QR_SIZE * user.getScaleX() - size) / 2);
		int y0 = (int) Math.round(top * user.getScaleY() + (QR_SIZE * user.getScaleY() - size) / 2);
		g.setTransform(new AffineTransform());
		g.setColor(Color.WHITE);
		g.fillRect(x0, y0, size, size);
		g.setColor(Color.BLACK);
		paintModules(g, matrix, x0 + QUIET_ZONE * cell, y0 + QUIET_ZONE * cell, cell);
		g.setTransform(user);
	}

	private static void paintModules(Graphics2D g, BitMatrix matrix, int left, int top, int cell) {
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					g.fillRect(left + x * cell, top + y * cell, cell, cell);
				}
			}
		}
	}

	/** The QR code of a link alone, {@code cell} pixels a module, as PNG. */
	static byte[] qrPng(String link, int cell) {
		BitMatrix matrix = qr(link);
		int size = (matrix.getWidth() + 2 * QUIET_ZONE) * cell;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, size, size);
			g.setColor(Color.BLACK);
			paintModules(g, matrix, QUIET_ZONE * cell, QUIET_ZONE * cell, cell);
		}
		finally {
			g.dispose();
		}
		return writePng(image);
	}

	private static byte[] writePng(BufferedImage image) {
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
