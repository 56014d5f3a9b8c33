package org.tongxing.shared.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A font that writes Chinese in generated documents (posters, certificates), found once
 * on the machine: the file named by {@code tongxing.pdf.cjk-font} (a {@code .ttf},
 * {@code .otf} or {@code .ttc}, optionally {@code path.ttc,<index>}), else the first of
 * the usual places of Noto Sans/Serif CJK (Debian's {@code fonts-noto-cjk}), Source Han
 * Sans, WenQuanYi and the Windows and macOS Chinese fonts. In a collection ({@code .ttc})
 * the simplified-Chinese face ("SC") is preferred.
 *
 * <p>
 * PDF: {@link #pdfFont()} embeds a subset of that font ({@code Identity-H}), so any
 * reader shows the text. When no font file is found it falls back to OpenPDF's built-in
 * Adobe font {@code STSong-Light} with the {@code UniGB-UCS2-H} encoding, which is NOT
 * embedded: readers with the Adobe Asian font pack (Acrobat, most browsers' viewers)
 * render it, others may show blanks. A warning is logged once. Images:
 * {@link #awtFont(int, float)} derives from the same file, or falls back to the logical
 * font {@code SansSerif} (whatever the JVM maps it to).
 *
 * <p>
 * Thread-safe; the fonts are loaded on first use and kept.
 */
@Component
public class CjkFonts {

	private static final Logger log = LoggerFactory.getLogger(CjkFonts.class);

	/** Where fonts with Chinese glyphs are usually installed, most preferred first. */
	static final List<String> CANDIDATES = List.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
			"/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",
			"/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
			"/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
			"C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simsun.ttc", "/System/Library/Fonts/PingFang.ttc",
			"/Library/Fonts/Arial Unicode.ttf");

	/** OpenPDF's built-in, not embedded, simplified-Chinese font and its encoding. */
	static final String FALLBACK_FONT = "STSong-Light";

	static final String FALLBACK_ENCODING = "UniGB-UCS2-H";

	private final String configured;

	private volatile Located located;

	private volatile BaseFont pdfFont;

	private volatile Font awtFont;

	public CjkFonts(@Value("${tongxing.pdf.cjk-font:}") String configured) {
		this.configured = (configured != null) ? configured.strip() : "";
	}

	/**
	 * The font file in use with the face index for a collection, e.g.
	 * {@code /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}; empty when none
	 * was found.
	 */
	public Optional<String> fontFile() {
		return Optional.ofNullable(locate().pdfName());
	}

	/** Whether PDFs embed the font (a font file was found). */
	public boolean embedded() {
		return locate().pdfName() != null;
	}

	/**
	 * The PDF font for Chinese and Latin text: the found font, embedded as a subset, or
	 * the non-embedded {@code STSong-Light} fallback.
	 */
	public BaseFont pdfFont() {
		BaseFont font = this.pdfFont;
		if (font == null) {
			synchronized (this) {
				font = this.pdfFont;
				if (font == null) {
					font = createPdfFont(locate());
					this.pdfFont = font;
				}
			}
		}
		return font;
	}

	/** A Java2D font for drawing text into images, in the given style and size. */
	public Font awtFont(int style, float size) {
		Font base = this.awtFont;
		if (base == null) {
			synchronized (this) {
				base = this.awtFont;
				if (base == null) {
					base = createAwtFont(locate());
					this.awtFont = base;
				}
			}
		}
		return base.deriveFont(style, size);
	}

	private Located locate() {
		Located result = this.located;
		if (result == null) {
			synchronized (this) {
				result = this.located;
				if (result == null) {
					result = find(this.configured, CANDIDATES);
					this.located = result;
				}
			}
		}
		return result;
	}

	/** The configured font, else the first readable of the places. */
	static Located find(String configured, List<String> places) {
		List<String> candidates = new ArrayList<>();
		if (!configured.isEmpty()) {
			candidates.add(configured);
		}
		candidates.addAll(places);
		for (String candidate : candidates) {
			String path = candidate;
			Integer index = null;
			int comma = candidate.lastIndexOf(',');
			if (comma > 0 && candidate.substring(comma + 1).strip().matches("\\d+")) {
				path = candidate.substring(0, comma).strip();
				index = Integer.valueOf(candidate.substring(comma + 1).strip());
			}
			if (!Files.isReadable(Path.of(path))) {
				if (candidate.equals(configured)) {
					log.warn("The CJK font {} (tongxing.pdf.cjk-font) is not readable; looking elsewhere", path);
				}
				continue;
			}
			try {
				if (path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
					String[] names = BaseFont.enumerateTTCNames(path);
					int face = (index != null) ? index : preferredFace(names);
					if (face < 0 || face >= names.length) {
						log.warn("The font collection {} has no face {}", path, face);
						continue;
					}
					return new Located(path, face, path + "," + face);
				}
				return new Located(path, null, path);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Cannot read the font {}: {}", path, ex.getMessage());
			}
		}
		log.warn("No font with Chinese glyphs found (set tongxing.pdf.cjk-font or install fonts-noto-cjk): "
				+ "PDFs use the non-embedded {} and images the logical font SansSerif", FALLBACK_FONT);
		return new Located(null, null, null);
	}

	/** The simplified-Chinese face of a collection, else its first. */
	static int preferredFace(String[] names) {
		for (int i = 0; i < names.length; i++) {
			String name = names[i].toLowerCase(Locale.ROOT);
			// PostScript names such as NotoSansCJKsc-Regular, SourceHanSansSC-Regular
			boolean simplified = name
				.matches(".*(cjksc|sanssc|serifsc|\\bsc\\b|simplified|microhei|micro hei|yahei|zenhei).*");
			if (simplified && !name.contains("mono")) {
				return i;
			}
		}
		return 0;
	}

	static BaseFont createPdfFont(Located located) {
		try {
			if (located.pdfName() != null) {
				return BaseFont.createFont(located.pdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			return BaseFont.createFont(FALLBACK_FONT, FALLBACK_ENCODING, BaseFont.NOT_EMBEDDED);
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("Cannot load the PDF font " + located.pdfName(), ex);
		}
	}

	static Font createAwtFont(Located located) {
		if (located.path() != null) {
			try {
				Font[] faces = Font.createFonts(new File(located.path()));
				int face = (located.face() != null && located.face() < faces.length) ? located.face() : 0;
				return faces[face];
			}
			catch (FontFormatException | IOException | RuntimeException ex) {
				log.warn("Java2D cannot read the font {} ({}); images use SansSerif", located.path(), ex.getMessage());
			}
		}
		return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
	}

	/** A found font: the file, the face of a collection, the name OpenPDF takes. */
	record Located(String path, Integer face, String pdfName) {
	}

}
