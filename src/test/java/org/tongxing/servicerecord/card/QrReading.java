package org.tongxing.servicerecord.card;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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

/** Reads the QR code of a PNG back, as a scanner would. */
final class QrReading {

	private QrReading() {
	}

	/**
	 * The text of the QR code in the PNG; when one way of separating black from white
	 * finds nothing readable, the next is tried.
	 */
	static String text(byte[] png) throws IOException, ReaderException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		LuminanceSource source = new BufferedImageLuminanceSource(image);
		List<BinaryBitmap> bitmaps = List.of(new BinaryBitmap(new HybridBinarizer(source)),
				new BinaryBitmap(new GlobalHistogramBinarizer(source)));
		List<Map<DecodeHintType, Object>> hints = List.of(Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE),
				Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
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

}
