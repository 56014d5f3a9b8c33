package org.tongxing.account.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/** The JSON body of an API error; the code is a fixed identifier, never user input. */
final class ApiErrors {

	private ApiErrors() {
	}

	static void write(HttpServletResponse response, int status, String code) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + code + "\"}");
	}

}
