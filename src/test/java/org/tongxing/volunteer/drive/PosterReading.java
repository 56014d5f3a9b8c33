package org.tongxing.volunteer.drive;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * Reads generated posters back: the QR code of a PNG, the text and fonts of a PDF.
 */
final class PosterReading {

	private PosterReading() {
	}

	/**
	 * The text of the QR code in a PNG, read as a phone's scanner would: when one way of
	 * separating black from white finds no readable code (ZXing can take text on a poster
	 * for a finder pattern), the next is tried.
	 */
	static String qrText(byte[] png) throws IOException, ReaderException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		LuminanceSource source = new BufferedImageLuminanceSource(image);
		List<BinaryBitmap> bitmaps = List.of(new BinaryBitmap(new HybridBinarizer(source)),
				new BinaryBitmap(new GlobalHistogramBinarizer(source)));
		List<Map<DecodeHintType, Object>> hints = List.of(Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE),
				Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE), Map.of());
		ReaderException last = NotFoundException.getNotFoundInstance();
		for (BinaryBitmap bitmap : bitmaps) {
			for (Map<DecodeHintType, Object> hint : hints) {
				try {
					return new QRCodeReader().decode(bitmap, hint).getText();
				}
				catch (ReaderException ex) {
					last = ex;
				}
			}
		}
		throw last;
	}

	static String pdfText(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		try {
			return new PdfTextExtractor(reader).getTextFromPage(1);
		}
		finally {
			reader.close();
		}
	}

	/** The font-file keys (FontFile, FontFile2, FontFile3) of every font descriptor. */
	static List<String> embeddedFontFiles(byte[] pdf) throws IOException {
		List<String> found = new ArrayList<>();
		PdfReader reader = new PdfReader(pdf);
		try {
			for (int i = 1; i < reader.getXrefSize(); i++) {
				PdfObject object = reader.getPdfObject(i);
				if (object instanceof PdfDictionary dictionary
						&& PdfName.FONTDESCRIPTOR.equals(dictionary.get(PdfName.TYPE))) {
					for (PdfName key : List.of(PdfName.FONTFILE, PdfName.FONTFILE2, PdfName.FONTFILE3)) {
						if (dictionary.contains(key)) {
							found.add(key.toString());
						}
					}
				}
			}
		}
		finally {
			reader.close();
		}
		return found;
	}

}
