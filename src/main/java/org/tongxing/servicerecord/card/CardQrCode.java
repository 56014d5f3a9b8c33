package org.tongxing.servicerecord.card;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws the QR code of a volunteer's card as a black-on-white PNG: error correction M,
 * the standard quiet zone of four modules, and whole pixels per module so that the
 * organiser's camera sees sharp edges even on a dim phone screen.
 */
final class CardQrCode {

	static final int QUIET_ZONE = 4;

	static final int PIXELS_PER_MODULE = 12;

	private static final int BLACK = 0x000000;

	private static final int WHITE = 0xFFFFFF;

	private CardQrCode() {
	}

	static byte[] png(String text) {
		BitMatrix matrix = matrix(text);
		int size = (matrix.getWidth() + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			int row = y / PIXELS_PER_MODULE - QUIET_ZONE;
			for (int x = 0; x < size; x++) {
				int column = x / PIXELS_PER_MODULE - QUIET_ZONE;
				boolean dark = row >= 0 && column >= 0 && row < matrix.getHeight() && column < matrix.getWidth()
						&& matrix.get(column, row);
				image.setRGB(x, y, dark ? BLACK : WHITE);
			}
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

	private static BitMatrix matrix(String text) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		// the quiet zone is drawn above, in whole modules
		hints.put(EncodeHintType.MARGIN, 0);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("The card text does not fit a QR code", ex);
		}
	}

}
