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
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
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

	static String qrText(byte[] png) throws IOException, NotFoundException, ChecksumException, FormatException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
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
