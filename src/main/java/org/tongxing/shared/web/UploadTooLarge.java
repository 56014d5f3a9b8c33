package org.tongxing.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit fails while the request's parameters are read, which
 * may happen in any filter (the CSRF check reads the token) and again on the error page.
 * Outermost, this filter turns that failure into a redirect to a page that says the file
 * was too large, instead of a server error. Browsers refuse such files before sending
 * them (js/app.js); this is for those that do not. A form that handles its own limit (the
 * import page) answers before this filter sees anything.
 */
@Controller
class UploadTooLarge extends OncePerRequestFilter implements Ordered {

	static final String PAGE = "/error/too-large";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!tooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", request.getContextPath() + PAGE);
		}
	}

	@GetMapping(PAGE)
	String page(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		return "error/too-large";
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SizeException || cause instanceof MaxUploadSizeExceededException) {
				return true;
			}
		}
		return false;
	}

}
