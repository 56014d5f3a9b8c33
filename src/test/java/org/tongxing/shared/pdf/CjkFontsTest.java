package org.tongxing.shared.pdf;

import java.nio.file.Files;
import java.nio.file.Path;

import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class CjkFontsTest {

	static final String NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

	@Test
	void aCollectionIsReadAtItsSimplifiedChineseFace() {
		assumeThat(Files.exists(Path.of(NOTO))).as("fonts-noto-cjk installed").isTrue();
		CjkFonts fonts = new CjkFonts("");
		assertThat(fonts.embedded()).isTrue();
		assertThat(fonts.fontFile()).hasValueSatisfying((file) -> assertThat(file).startsWith(NOTO + ","));
		assertThat(fonts.pdfFont().getPostscriptFontName()).containsIgnoringCase("CJKsc");
		assertThat(fonts.awtFont(java.awt.Font.PLAIN, 12).getFontName()).contains("SC");
		assertThat(fonts.awtFont(java.awt.Font.PLAIN, 12).canDisplayUpTo("现场招募志愿者")).isEqualTo(-1);
	}

	@Test
	void theConfiguredFaceWins() {
		assumeThat(Files.exists(Path.of(NOTO))).as("fonts-noto-cjk installed").isTrue();
		CjkFonts fonts = new CjkFonts(NOTO + ",3");
		assertThat(fonts.fontFile()).hasValue(NOTO + ",3");
		assertThat(fonts.pdfFont().getPostscriptFontName()).containsIgnoringCase("CJKtc");
	}

	@Test
	void withoutAFontFilePdfsFallBackToTheBuiltInAsianFont(@TempDir Path empty) {
		CjkFonts.Located none = CjkFonts.find(empty.resolve("missing.ttf").toString(), java.util.List.of());
		assertThat(none.pdfName()).isNull();
		BaseFont fallback = CjkFonts.createPdfFont(none);
		assertThat(fallback.getPostscriptFontName()).startsWith("STSong-Light");
		assertThat(fallback.charExists('志')).isTrue();
		assertThat(CjkFonts.createAwtFont(none).getFamily()).isNotBlank();
	}

	@Test
	void theSimplifiedChineseFaceIsPreferredButNotItsMonospacedOne() {
		assertThat(CjkFonts.preferredFace(
				new String[] { "NotoSansCJKjp-Regular", "NotoSansMonoCJKsc-Regular", "NotoSansCJKsc-Regular" }))
			.isEqualTo(2);
		assertThat(CjkFonts.preferredFace(new String[] { "Foo", "Bar" })).isZero();
	}

}
