package org.tongxing.volunteer.profile;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.InvalidVolunteerException;

/**
 * Puts the problems of the registry's rules beside the form fields of the same name, or
 * above the form when it has no such field.
 */
final class FieldErrors {

	private FieldErrors() {
	}

	static void reject(BindingResult errors, InvalidVolunteerException ex) {
		BeanWrapperImpl form = (errors.getTarget() != null) ? new BeanWrapperImpl(errors.getTarget()) : null;
		for (FieldProblem problem : ex.problems()) {
			if (form != null && form.isReadableProperty(problem.field())) {
				errors.rejectValue(problem.field(), problem.messageKey(), problem.argumentArray(),
						problem.messageKey());
			}
			else {
				errors.reject(problem.messageKey(), problem.argumentArray(), problem.messageKey());
			}
		}
	}

}
