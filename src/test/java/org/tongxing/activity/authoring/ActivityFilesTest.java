package org.tongxing.activity.authoring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an upload is follows from its content, and the name kept for it is safe to send
 * back in a header.
 */
class ActivityFilesTest {

	@Test
	void officeFilesAreToldApartByTheirEntries() throws Exception {
		assertThat(ActivityFiles.attachmentType(zip("word/document.xml"))).isEqualTo(ActivityFiles.DOCX);
		assertThat(ActivityFiles.attachmentType(zip("xl/workbook.xml"))).isEqualTo(ActivityFiles.XLSX);
		assertThat(ActivityFiles.attachmentType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(ActivityFiles.PDF);
		assertThatExceptionOfType(UploadRejectedException.class)
			.isThrownBy(() -> ActivityFiles.attachmentType(zip("evil.exe")))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("authoring.file.not-allowed"));
		assertThatExceptionOfType(UploadRejectedException.class)
			.isThrownBy(() -> ActivityFiles.attachmentType("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)));
	}

	@Test
	void namesLoseTheirPathAndControlCharactersAndTakeTheRealExtension() {
		assertThat(ActivityFiles.safeFilename("C:\\tmp\\a\"b\r\n.pdf", ActivityFiles.PDF)).isEqualTo("a_b__.pdf");
		assertThat(ActivityFiles.safeFilename("../../etc/passwd", ActivityFiles.PDF)).isEqualTo("passwd.pdf");
		assertThat(ActivityFiles.safeFilename("报名表.exe", ActivityFiles.XLSX)).isEqualTo("报名表.xlsx");
		assertThat(ActivityFiles.safeFilename("photo.JPEG", ActivityFiles.JPEG)).isEqualTo("photo.JPEG");
		assertThat(ActivityFiles.safeFilename(null, ActivityFiles.PDF)).isEqualTo("file.pdf");
		assertThat(ActivityFiles.safeFilename("x".repeat(400) + ".pdf", ActivityFiles.PDF)).hasSize(255)
			.endsWith(".pdf");
	}

	@Test
	void aCoverIsAlwaysAJpeg() throws Exception {
		byte[] cover = ActivityFiles.coverJpeg(ActivityFilesIT.png(800, 400));
		assertThat(cover[0]).isEqualTo((byte) 0xFF);
		assertThat(cover[1]).isEqualTo((byte) 0xD8);
		assertThat(ActivityFiles.readImage(cover)).get().satisfies((image) -> {
			assertThat(image.getWidth()).isEqualTo(800);
			assertThat(image.getHeight()).isEqualTo(400);
		});
	}

	private static byte[] zip(String entry) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(entry));
			zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
