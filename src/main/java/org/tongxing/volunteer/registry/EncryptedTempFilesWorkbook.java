package org.tongxing.volunteer.registry;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.IdentityHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * A streaming workbook whose temporary sheet files (rows flushed out of the window) are
 * encrypted with a random key that lives only in this object, so that an unmasked export
 * leaves no clear personal data on disk, not even until the files are deleted.
 */
class EncryptedTempFilesWorkbook extends SXSSFWorkbook {

	private static final SecureRandom RANDOM = new SecureRandom();

	// The writer's constructor opens its file before the writer's own fields are set, so
	// the keys are kept here, per writer.
	private final Map<SheetDataWriter, SecretKey> keys = new IdentityHashMap<>();

	EncryptedTempFilesWorkbook(int rowWindow) {
		super(rowWindow);
	}

	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		return new EncryptingWriter();
	}

	private Cipher cipher(int mode, SecretKey key) throws IOException {
		try {
			Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
			// one key per file, so a fixed counter start is safe
			cipher.init(mode, key, new IvParameterSpec(new byte[16]));
			return cipher;
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("AES is not available", ex);
		}
	}

	private class EncryptingWriter extends SheetDataWriter {

		EncryptingWriter() throws IOException {
			super();
		}

		@Override
		protected OutputStream decorateOutputStream(FileOutputStream out) throws IOException {
			try {
				KeyGenerator generator = KeyGenerator.getInstance("AES");
				generator.init(256, RANDOM);
				SecretKey key = generator.generateKey();
				EncryptedTempFilesWorkbook.this.keys.put(this, key);
				return new CipherOutputStream(out, cipher(Cipher.ENCRYPT_MODE, key));
			}
			catch (GeneralSecurityException ex) {
				throw new IOException("AES is not available", ex);
			}
		}

		@Override
		protected InputStream decorateInputStream(FileInputStream in) throws IOException {
			return new CipherInputStream(in,
					cipher(Cipher.DECRYPT_MODE, EncryptedTempFilesWorkbook.this.keys.get(this)));
		}

	}

}
