package org.tongxing.servicerecord.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.tongxing.shared.pdf.CjkFonts;

/**
 * Writes a certificate as a printable A4 portrait PDF: the association, the title, the
 * volunteer's particulars (ID number masked), the period and its confirmed hours, the
 * services in a table that runs over as many pages as it needs with its header repeated,
 * then the issuer (with the seal over it when one is configured), the person in charge,
 * the issue date, the verification code and link and a QR code of the link. Labels are
 * Chinese first with English beside them (bundle {@code servicerecord-certificate}).
 * Every page's foot repeats the certificate number and the verification code.
 *
 * <p>
 * The QR code is a grey image of one pixel per module, drawn without interpolation, so it
 * prints sharp at any size. The seal is a PNG named by
 * {@code tongxing.servicerecord.certificate.seal-path}; a missing or unreadable file is
 * logged once and the certificate goes without it.
 */
@Component
class CertificatePdf {

	private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);

	static final float MARGIN = 48;

	static final float QR_SIZE = 96;

	static final float SEAL_SIZE = 110;

	/** Modules of white around the code, as the QR specification asks. */
	static final int QUIET_ZONE = 4;

	static final Color BRAND = new Color(0xB0, 0x1E, 0x23);

	static final Color MUTED = new Color(0x55, 0x55, 0x55);

	static final Color HEADER_FILL = new Color(0xF2, 0xE6, 0xE6);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final Locale EN = Locale.ENGLISH;

	private final CjkFonts fonts;

	private final MessageSource messages;

	private final String sealPath;

	private volatile Optional<byte[]> seal;

	CertificatePdf(CjkFonts fonts, MessageSource messages,
			@Value("${tongxing.servicerecord.certificate.seal-path:}") String sealPath) {
		this.fonts = fonts;
		this.messages = messages;
		this.sealPath = (sealPath != null) ? sealPath.strip() : "";
	}

	byte[] pdf(CertificateDocument certificate) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 14);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			BaseFont base = this.fonts.pdfFont();
			writer.setPageEvent(new Foot(base,
					(page) -> zh("pdf.foot", certificate.number(), certificate.verifyCode(), String.valueOf(page))
							+ "  "
							+ en("pdf.foot", certificate.number(), certificate.verifyCode(), String.valueOf(page))));
			document.addTitle(zh("pdf.title") + " " + certificate.number());
			document.addSubject(certificate.association());
			document.addCreator(certificate.association());
			document.open();

			document.add(centred(certificate.association(), new Font(base, 14, Font.NORMAL, BRAND), 0, 6));
			document.add(centred(zh("pdf.title"), new Font(base, 28, Font.NORMAL, Color.BLACK), 0, 2));
			document.add(centred(en("pdf.title"), new Font(base, 12, Font.NORMAL, MUTED), 0, 6));
			Paragraph number = new Paragraph(bilingual("pdf.number", 9, certificate.number(), 10, base));
			number.setAlignment(Element.ALIGN_RIGHT);
			number.setSpacingAfter(8);
			document.add(number);

			document.add(particulars(certificate, base));

			Paragraph statement = new Paragraph(
					zh("pdf.statement", certificate.name(), certificate.from().format(DAY),
							certificate.to().format(DAY), CertificateDocument.hours(certificate.hours())),
					new Font(base, 11, Font.NORMAL, Color.BLACK));
			statement.setLeading(17);
			statement.setSpacingBefore(10);
			statement.setFirstLineIndent(22);
			document.add(statement);
			Paragraph statementEn = new Paragraph(
					en("pdf.statement", certificate.name(), certificate.from().format(DAY),
							certificate.to().format(DAY), CertificateDocument.hours(certificate.hours())),
					new Font(base, 9, Font.NORMAL, MUTED));
			statementEn.setLeading(12);
			statementEn.setSpacingAfter(10);
			document.add(statementEn);

			document.add(new Paragraph(bilingual("pdf.services", 12, null, 0, base)));
			document.add(services(certificate, base));

			document.add(closing(certificate, base));
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot write the certificate PDF", ex);
		}
		return out.toByteArray();
	}

	/** Name, ID, volunteer number, period and hours in a grid of labels and values. */
	private PdfPTable particulars(CertificateDocument c, BaseFont base) throws DocumentException {
		PdfPTable table = new PdfPTable(4);
		table.setWidthPercentage(100);
		table.setWidths(new float[] { 22, 28, 22, 28 });
		Font value = new Font(base, 11, Font.NORMAL, Color.BLACK);
		table.addCell(labelCell("pdf.name", base));
		table.addCell(valueCell(new Phrase(c.name(), value), 1));
		table.addCell(labelCell("pdf.volunteer-number", base));
		table.addCell(valueCell(new Phrase(c.volunteerNumber(), value), 1));
		table.addCell(labelCell("pdf.id-type", base));
		Phrase idType = new Phrase(c.idType(), value);
		if (c.idTypeEn() != null && !c.idTypeEn().equals(c.idType())) {
			idType.add(new Chunk("\n" + c.idTypeEn(), new Font(base, 8, Font.NORMAL, MUTED)));
		}
		table.addCell(valueCell(idType, 1));
		table.addCell(labelCell("pdf.id-number", base));
		table.addCell(valueCell(new Phrase(c.idNumberMasked(), value), 1));
		table.addCell(labelCell("pdf.period", base));
		table
			.addCell(valueCell(new Phrase(zh("pdf.period-value", c.from().format(DAY), c.to().format(DAY)), value), 3));
		table.addCell(labelCell("pdf.total", base));
		Phrase total = new Phrase(CertificateDocument.hours(c.hours()), new Font(base, 14, Font.NORMAL, BRAND));
		total.add(new Chunk(" " + zh("pdf.hours-unit") + " " + en("pdf.hours-unit"), value));
		table.addCell(valueCell(total, 3));
		return table;
	}

	/** The services, one row each, with the header repeated on every page. */
	private PdfPTable services(CertificateDocument c, BaseFont base) throws DocumentException {
		PdfPTable table = new PdfPTable(5);
		table.setWidthPercentage(100);
		table.setWidths(new float[] { 7, 43, 15, 10, 25 });
		table.setSpacingBefore(4);
		table.setHeaderRows(1);
		table.setSplitLate(false);
		for (String key : new String[] { "pdf.column.index", "pdf.column.activity", "pdf.column.date",
				"pdf.column.hours", "pdf.column.unit" }) {
			PdfPCell cell = labelCell(key, base);
			cell.setBackgroundColor(HEADER_FILL);
			table.addCell(cell);
		}
		Font text = new Font(base, 9.5f, Font.NORMAL, Color.BLACK);
		Font small = new Font(base, 8, Font.NORMAL, MUTED);
		int index = 1;
		for (CertificateDocument.Row row : c.rows()) {
			table.addCell(valueCell(new Phrase(String.valueOf(index++), text), 1));
			Phrase activity = new Phrase(row.activity(), text);
			if (row.content() != null && !row.content().isBlank() && !row.content().equals(row.activity())) {
				activity.add(new Chunk("\n" + row.content(), small));
			}
			table.addCell(valueCell(activity, 1));
			table.addCell(valueCell(new Phrase(row.date().format(DAY), text), 1));
			PdfPCell hours = valueCell(new Phrase(CertificateDocument.hours(row.hours()), text), 1);
			hours.setHorizontalAlignment(Element.ALIGN_RIGHT);
			table.addCell(hours);
			table.addCell(valueCell(new Phrase(row.recordingUnit(), text), 1));
		}
		PdfPCell totalLabel = labelCell("pdf.column.total", base);
		totalLabel.setColspan(3);
		table.addCell(totalLabel);
		PdfPCell total = valueCell(new Phrase(CertificateDocument.hours(c.hours()), text), 1);
		total.setHorizontalAlignment(Element.ALIGN_RIGHT);
		table.addCell(total);
		table.addCell(valueCell(new Phrase("", text), 1));
		return table;
	}

	/** Issuer (under the seal), person in charge, date, verification; the QR beside. */
	private PdfPTable closing(CertificateDocument c, BaseFont base) throws DocumentException {
		PdfPTable table = new PdfPTable(2);
		table.setWidthPercentage(100);
		table.setWidths(new float[] { 75, 25 });
		table.setSpacingBefore(18);
		table.setKeepTogether(true);
		Font value = new Font(base, 11, Font.NORMAL, Color.BLACK);
		Font small = new Font(base, 8.5f, Font.NORMAL, MUTED);

		PdfPTable lines = new PdfPTable(1);
		lines.setWidthPercentage(100);
		PdfPCell issuer = plain(line("pdf.issuer", c.issuer(), base, value));
		issuer.setMinimumHeight(40);
		sealImage().ifPresent((image) -> issuer.setCellEvent(new Seal(image)));
		lines.addCell(issuer);
		lines.addCell(plain(line("pdf.person-in-charge",
				(c.personInCharge() == null || c.personInCharge().isBlank()) ? "—" : c.personInCharge(), base, value)));
		lines.addCell(plain(line("pdf.issued-on", c.issuedOn().format(DAY), base, value)));
		lines.addCell(plain(line("pdf.code", c.verifyCode(), base, value)));
		Phrase verify = new Phrase(zh("pdf.verify") + " " + en("pdf.verify") + "\n", small);
		verify.add(new Chunk(c.verifyUrl(), new Font(base, 9, Font.NORMAL, Color.BLACK)));
		lines.addCell(plain(verify));
		PdfPCell left = plain(new Phrase(""));
		left.addElement(lines);
		table.addCell(left);

		Image qr = qrImage(c.verifyUrl());
		qr.scaleAbsolute(QR_SIZE, QR_SIZE);
		PdfPCell right = new PdfPCell(qr, false);
		right.setBorder(Rectangle.NO_BORDER);
		right.setHorizontalAlignment(Element.ALIGN_RIGHT);
		right.setVerticalAlignment(Element.ALIGN_BOTTOM);
		table.addCell(right);
		return table;
	}

	private Phrase line(String key, String value, BaseFont base, Font valueFont) {
		Phrase phrase = new Phrase();
		phrase.add(new Chunk(zh(key) + " ", new Font(base, 10, Font.NORMAL, Color.BLACK)));
		phrase.add(new Chunk(en(key) + "：", new Font(base, 8, Font.NORMAL, MUTED)));
		phrase.add(new Chunk(value, valueFont));
		return phrase;
	}

	/**
	 * The QR code of the link: one grey pixel a module (8 bits, compressed; a 1-bit image
	 * would be turned into CCITT fax data, which some checkers cannot read), black on
	 * white.
	 */
	static Image qrImage(String link) {
		BitMatrix matrix = qr(link);
		int size = matrix.getWidth() + 2 * QUIET_ZONE;
		byte[] data = new byte[size * size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				int mx = x - QUIET_ZONE;
				int my = y - QUIET_ZONE;
				boolean black = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
						&& matrix.get(mx, my);
				data[y * size + x] = black ? 0 : (byte) 0xFF;
			}
		}
		Image image = Image.getInstance(size, size, 1, 8, data);
		image.setInterpolation(false);
		return image;
	}

	static BitMatrix qr(String text) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		// M: a certificate is kept flat; the link stays short enough for a small code
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 0);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("The link does not fit a QR code", ex);
		}
	}

	/**
	 * The configured seal, read once; empty when none is configured or it cannot be read.
	 */
	private Optional<Image> sealImage() {
		Optional<byte[]> bytes = this.seal;
		if (bytes == null) {
			synchronized (this) {
				bytes = this.seal;
				if (bytes == null) {
					bytes = readSeal(this.sealPath);
					this.seal = bytes;
				}
			}
		}
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Image.getInstance(bytes.get()));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	static Optional<byte[]> readSeal(String path) {
		if (path.isEmpty()) {
			return Optional.empty();
		}
		try {
			byte[] bytes = Files.readAllBytes(Path.of(path));
			// read it as OpenPDF will, so a broken file is found (and logged) once, here
			Image.getInstance(bytes);
			return Optional.of(bytes);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The certificate seal {} (tongxing.servicerecord.certificate.seal-path) cannot be read ({}); "
					+ "certificates are issued without it", path, ex.getMessage());
			return Optional.empty();
		}
	}

	private PdfPCell labelCell(String key, BaseFont base) {
		PdfPCell cell = new PdfPCell(bilingual(key, 9.5f, null, 0, base));
		cell.setPadding(5);
		cell.setBorderColor(Color.GRAY);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		return cell;
	}

	private static PdfPCell valueCell(Phrase phrase, int colspan) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setColspan(colspan);
		cell.setPadding(5);
		cell.setBorderColor(Color.GRAY);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		return cell;
	}

	private static PdfPCell plain(Phrase phrase) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPaddingBottom(5);
		cell.setPaddingLeft(0);
		return cell;
	}

	/** The Chinese label, then the English one smaller, then an optional value. */
	private Phrase bilingual(String key, float size, String value, float valueSize, BaseFont base) {
		Phrase phrase = new Phrase();
		phrase.add(new Chunk(zh(key), new Font(base, size, Font.NORMAL, Color.BLACK)));
		phrase.add(new Chunk(" " + en(key), new Font(base, size * 0.8f, Font.NORMAL, MUTED)));
		if (value != null) {
			phrase.add(new Chunk("  " + value, new Font(base, valueSize, Font.NORMAL, Color.BLACK)));
		}
		return phrase;
	}

	private static Paragraph centred(String text, Font font, float before, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		paragraph.setLeading(font.getSize() * 1.3f);
		return paragraph;
	}

	private String zh(String key, Object... args) {
		return this.messages.getMessage("servicerecord.certificate." + key, args, ZH);
	}

	private String en(String key, Object... args) {
		return this.messages.getMessage("servicerecord.certificate." + key, args, EN);
	}

	/** Draws the seal over the issuer's line, on top of its text, as a stamp would. */
	private static final class Seal implements PdfPCellEvent {

		private final Image image;

		Seal(Image image) {
			this.image = image;
		}

		@Override
		public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
			float scale = Math.min(SEAL_SIZE / this.image.getWidth(), SEAL_SIZE / this.image.getHeight());
			float width = this.image.getWidth() * scale;
			float height = this.image.getHeight() * scale;
			float centreX = position.getLeft() + Math.min(position.getWidth() / 2, 170);
			float centreY = (position.getTop() + position.getBottom()) / 2;
			try {
				canvases[PdfPTable.TEXTCANVAS].addImage(this.image, width, 0, 0, height, centreX - width / 2,
						centreY - height / 2);
			}
			catch (DocumentException ex) {
				log.warn("Cannot draw the certificate seal: {}", ex.getMessage());
			}
		}

	}

	/** The number, the verification code and the page at the foot of every page. */
	private static final class Foot extends PdfPageEventHelper {

		private final BaseFont base;

		private final IntFunction<String> text;

		Foot(BaseFont base, IntFunction<String> text) {
			this.base = base;
			this.text = text;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			Font font = new Font(this.base, 8, Font.NORMAL, MUTED);
			Phrase foot = new Phrase(this.text.apply(writer.getPageNumber()), font);
			ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, foot,
					(document.left() + document.right()) / 2, MARGIN / 2 + 4, 0);
		}

	}

}
