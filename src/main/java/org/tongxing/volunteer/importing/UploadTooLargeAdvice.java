package org.tongxing.volunteer.importing;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload larger than the servlet's multipart limit fails before any controller runs;
 * for the import page it becomes the form again with a clear message. Other uploads are
 * left to the default handling (413).
 */
@ControllerAdvice
class UploadTooLargeAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/volunteers/import")) {
			throw ex;
		}
		return "redirect:/volunteers/import?tooLarge";
	}

}
