package org.tongxing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string lives in the message bundles, in both languages.
 *
 * <p>
 * Bundles are {@code src/main/resources/i18n/<name>.properties} (Chinese, the default)
 * and {@code <name>_en.properties} (English), with the same keys and no empty values.
 * Every {@code #{key}} a template names exists. Templates carry no hard-coded text: text
 * an element owns must be replaced at render time ({@code th:text}, {@code th:utext} on
 * the element or an ancestor, or a {@code th:replace}/{@code th:insert}/
 * {@code sec:authentication} that swaps it), and the visible attributes
 * {@code placeholder}, {@code title}, {@code alt}, {@code aria-label} and the
 * {@code value} of buttons are empty or have a {@code th:} version.
 *
 * <p>
 * Allowed exceptions ({@link #ALLOWED_TEXT}): the names of the two languages, "中文" and
 * "English", which read the same in either language (the switch renders them from the
 * bundle anyway).
 */
class I18nTest {

	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Set<String> ALLOWED_TEXT = Set.of("中文", "English");

	static final Pattern LETTER = Pattern.compile("[\\p{L}\\p{IsHan}]");

	// #{key} and #{key(args)}; keys built at run time (#{${...}}, #{'a.' + ...}) are
	// checked separately
	static final Pattern MESSAGE_KEY = Pattern.compile("#\\{\\s*([A-Za-z0-9_.\\-]+)\\s*[}(]");

	static final Pattern MSG_CALL = Pattern.compile("#messages\\.msg(?:OrNull|WithParams)?\\(\\s*'([^']+)'");

	static final Pattern BUILT_KEY = Pattern
		.compile("#\\{\\s*'([A-Za-z0-9_.\\-]*)'\\s*\\+\\s*\\$\\{[^}]*}\\s*(?:\\+\\s*'([A-Za-z0-9_.\\-]*)'\\s*)?}");

	static final Set<String> SWAPPED_BY = Set.of("th:text", "th:utext", "th:replace", "th:insert",
			"sec:authentication");

	static final List<String> VISIBLE_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label");

	@Test
	void everyBundleHasBothLanguagesWithTheSameKeys() throws IOException {
		List<String> problems = new ArrayList<>();
		List<Path> files = bundleFiles();
		assertThat(files).as("bundles in %s", BUNDLES).isNotEmpty();
		for (Path file : files) {
			String name = file.getFileName().toString();
			Path partner = BUNDLES.resolve(name.endsWith("_en.properties")
					? name.replace("_en.properties", ".properties") : name.replace(".properties", "_en.properties"));
			if (!Files.exists(partner)) {
				problems.add(name + " has no partner " + partner.getFileName());
				continue;
			}
			Properties own = load(file);
			Properties other = load(partner);
			for (String key : new TreeSet<>(own.stringPropertyNames())) {
				if (!other.containsKey(key)) {
					problems.add(name + ": key '" + key + "' is missing in " + partner.getFileName());
				}
				if (own.getProperty(key).isBlank()) {
					problems.add(name + ": key '" + key + "' has an empty value");
				}
			}
		}
		assertThat(problems).as("message bundle problems").isEmpty();
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> keys = allKeys();
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			for (String problem : unknownKeys(Files.readString(template), keys)) {
				problems.add(relative(template) + ": " + problem);
			}
		}
		assertThat(problems).as("message keys used in templates").isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		List<Path> templates = templates();
		assertThat(templates).isNotEmpty();
		for (Path template : templates) {
			for (String problem : hardCodedText(Files.readString(template))) {
				problems.add(relative(template) + ": " + problem);
			}
		}
		assertThat(problems).as("hard-coded text in templates (put it in a bundle and use th:text / th:attr)")
			.isEmpty();
	}

	@Test
	void hardCodedTextIsFound() {
		String html = """
				<html th:replace="~{layout :: layout(~{::title}, ~{::main})}"><body><main>
				<h1 th:text="#{a.title}">Placeholder</h1>
				<p>Hard-coded 文字</p>
				<div th:text="#{b}"><span>inside th:text</span></div>
				<div th:replace="~{fragments :: x}">replaced</div>
				<input placeholder="Type here"><input placeholder="x" th:placeholder="#{c}">
				<img alt="An emblem"><img alt=""><img alt="logo" th:attr="alt=#{d}">
				<button aria-label="Close" th:attr="aria-label=#{e}"></button><button title="Help"></button>
				<input type="submit" value="Send"><input name="q" value="kept">
				<a lang="zh-CN">中文</a>
				</main></body></html>
				""";
		assertThat(hardCodedText(html)).containsExactlyInAnyOrder("<p> text \"Hard-coded 文字\"",
				"<input> attribute placeholder=\"Type here\"", "<img> attribute alt=\"An emblem\"",
				"<button> attribute title=\"Help\"", "<input> attribute value=\"Send\"");
	}

	@Test
	void unknownKeysAreFound() {
		String html = """
				<h1 th:text="#{known}">x</h1><p th:text="#{missing.key}">x</p>
				<p th:text="#{known.with(${a})}">x</p><p th:text="#{gone.with(${a})}">x</p>
				<p th:text="${#messages.msg('lost')}">x</p>
				<p th:text="#{'state.' + ${s} + '.label'}">x</p><p th:text="#{'kind.' + ${k}}">x</p>
				""";
		assertThat(unknownKeys(html, Set.of("known", "known.with", "state.open.label"))).containsExactlyInAnyOrder(
				"unknown message key 'missing.key'", "unknown message key 'gone.with'", "unknown message key 'lost'",
				"no message key like 'kind.…'");
	}

	/** The message keys a template names that no bundle has. */
	static List<String> unknownKeys(String source, Set<String> keys) {
		List<String> problems = new ArrayList<>();
		for (Pattern pattern : List.of(MESSAGE_KEY, MSG_CALL)) {
			Matcher matcher = pattern.matcher(source);
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					problems.add("unknown message key '" + matcher.group(1) + "'");
				}
			}
		}
		Matcher built = BUILT_KEY.matcher(source);
		while (built.find()) {
			String prefix = built.group(1);
			String suffix = (built.group(2) != null) ? built.group(2) : "";
			if (keys.stream().noneMatch((key) -> key.startsWith(prefix) && key.endsWith(suffix))) {
				problems.add("no message key like '" + prefix + "…" + suffix + "'");
			}
		}
		return problems;
	}

	/** Descriptions of the hard-coded strings in one template. */
	static List<String> hardCodedText(String html) {
		Document document = Jsoup.parse(html, "", Parser.htmlParser());
		List<String> problems = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			String text = element.ownText().trim();
			if (LETTER.matcher(text).find() && !ALLOWED_TEXT.contains(text) && !swapped(element)) {
				problems.add("<" + element.tagName() + "> text \"" + text + "\"");
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey();
				boolean visible = VISIBLE_ATTRIBUTES.contains(name) || ("value".equals(name) && isButton(element));
				if (visible && LETTER.matcher(attribute.getValue()).find() && !hasThymeleafVersion(element, name)
						&& !swapped(element)) {
					problems.add("<" + element.tagName() + "> attribute " + name + "=\"" + attribute.getValue() + "\"");
				}
			}
		}
		return problems;
	}

	/**
	 * Whether the element's content is replaced at render time by itself or an ancestor.
	 * The {@code th:replace} of a page's root {@code <html>} hands the page's own parts
	 * to the layout, so it does not count.
	 */
	static boolean swapped(Element element) {
		for (Element current = element; current != null; current = current.parent()) {
			if ("html".equals(current.tagName())) {
				return false;
			}
			for (String attribute : SWAPPED_BY) {
				if (current.hasAttr(attribute)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean isButton(Element element) {
		String type = element.attr("type").toLowerCase();
		return "button".equals(element.tagName())
				|| ("input".equals(element.tagName()) && Set.of("submit", "button", "reset").contains(type));
	}

	static boolean hasThymeleafVersion(Element element, String name) {
		if (element.hasAttr("th:" + name)) {
			return true;
		}
		if (("alt".equals(name) || "title".equals(name)) && element.hasAttr("th:alt-title")) {
			return true;
		}
		return Pattern.compile("(^|[\\s,])" + Pattern.quote(name) + "\\s*=").matcher(element.attr("th:attr")).find();
	}

	static List<Path> bundleFiles() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.filter((file) -> file.toString().endsWith(".properties")).sorted().toList();
		}
	}

	static Set<String> allKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path file : bundleFiles()) {
			keys.addAll(load(file).stringPropertyNames());
		}
		return keys;
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	static String relative(Path template) {
		return TEMPLATES.relativize(template).toString();
	}

}
