package org.tongxing.account.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to the previous and next page that keep the request's other parameters (the
 * filter), so a paged, filtered view stays bookmarkable.
 */
record PageLinks(String previous, String next) {

	static PageLinks of(HttpServletRequest request, Page<?> page) {
		return new PageLinks(page.hasPrevious() ? link(request, page.getNumber() - 1) : null,
				page.hasNext() ? link(request, page.getNumber() + 1) : null);
	}

	private static String link(HttpServletRequest request, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> {
			if (!"page".equals(name)) {
				for (String value : values) {
					if (!value.isEmpty()) {
						uri.queryParam(name, value);
					}
				}
			}
		});
		return uri.queryParam("page", page).encode().build().toUriString();
	}

}
