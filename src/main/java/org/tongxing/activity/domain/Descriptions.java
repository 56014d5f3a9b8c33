package org.tongxing.activity.domain;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * The rich text of descriptions, made safe to show: formatting, lists, links (http,
 * https, mailto; opened with rel="nofollow") and nothing else — no scripts, styles,
 * frames or event handlers.
 */
public final class Descriptions {

	private static final Safelist SAFELIST = Safelist.basic().addTags("h3", "h4").removeTags("span");

	private Descriptions() {
	}

	public static String sanitise(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		return Jsoup.clean(html, SAFELIST);
	}

	/** The text without tags, e.g. for a list's excerpt or a calendar entry. */
	public static String text(String html) {
		return (html != null) ? Jsoup.parse(html).text() : "";
	}

}
