package org.tongxing.servicerecord.certificate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * Reads a certificate PDF back as a reader or a checker would: the text of each page, the
 * page sizes, the embedded font files, the images, and the QR code decoded from its
 * image.
 */
final class CertificateReading {

	private CertificateReading() {
	}

	/** The text of each page, whitespace removed (Chinese wraps anywhere). */
	static List<String> pages(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		try {
			List<String> pages = new ArrayList<>();
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				pages.add(extractor.getTextFromPage(page).replaceAll("\\s+", ""));
			}
			return pages;
		}
		finally {
			reader.close();
		}
	}

	static String text(byte[] pdf) throws IOException {
		return String.join("", pages(pdf));
	}

	static List<Rectangle> pageSizes(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		try {
			List<Rectangle> sizes = new ArrayList<>();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				sizes.add(reader.getPageSize(page));
			}
			return sizes;
		}
		finally {
			reader.close();
		}
	}

	/** The font-file keys (FontFile, FontFile2, FontFile3) of every font descriptor. */
	static List<String> embeddedFontFiles(byte[] pdf) throws IOException {
		List<String> found = new ArrayList<>();
		for (PdfDictionary dictionary : objects(pdf, PdfName.FONTDESCRIPTOR, PdfName.TYPE)) {
			for (PdfName key : List.of(PdfName.FONTFILE, PdfName.FONTFILE2, PdfName.FONTFILE3)) {
				if (dictionary.contains(key)) {
					found.add(key.toString());
				}
			}
		}
		return found;
	}

	/** How many image objects the PDF holds. */
	static int images(byte[] pdf) throws IOException {
		return objects(pdf, PdfName.IMAGE, PdfName.SUBTYPE).size();
	}

	/** The texts of the QR codes found among the PDF's grey images. */
	static List<String> qrCodes(byte[] pdf) throws IOException {
		List<String> texts = new ArrayList<>();
		PdfReader reader = new PdfReader(pdf);
		try {
			for (int i = 1; i < reader.getXrefSize(); i++) {
				PdfObject object = reader.getPdfObject(i);
				if (object instanceof PRStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))
						&& stream.get(PdfName.BITSPERCOMPONENT) instanceof PdfNumber bits && bits.intValue() == 8
						&& PdfName.DEVICEGRAY.equals(stream.get(PdfName.COLORSPACE))) {
					int width = ((PdfNumber) stream.get(PdfName.WIDTH)).intValue();
					int height = ((PdfNumber) stream.get(PdfName.HEIGHT)).intValue();
					texts.add(decode(PdfReader.getStreamBytes(stream), width, height));
				}
			}
		}
		finally {
			reader.close();
		}
		return texts;
	}

	/** Decodes an 8-bit grey image, scaled up as a camera would see it. */
	private static String decode(byte[] data, int width, int height) {
		int scale = 8;
		BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height * scale; y++) {
			for (int x = 0; x < width * scale; x++) {
				int mx = x / scale;
				int my = y / scale;
				boolean white = (data[my * width + mx] & 0xFF) > 127;
				image.setRGB(x, y, white ? 0xFFFFFF : 0x000000);
			}
		}
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
						Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
				.getText();
		}
		catch (ReaderException ex) {
			return "(unreadable: " + ex + ")";
		}
	}

	private static List<PdfDictionary> objects(byte[] pdf, PdfName value, PdfName key) throws IOException {
		List<PdfDictionary> found = new ArrayList<>();
		PdfReader reader = new PdfReader(pdf);
		try {
			for (int i = 1; i < reader.getXrefSize(); i++) {
				PdfObject object = reader.getPdfObject(i);
				if (object instanceof PdfDictionary dictionary && value.equals(dictionary.get(key))) {
					found.add(dictionary);
				}
			}
		}
		finally {
			reader.close();
		}
		return found;
	}

}
