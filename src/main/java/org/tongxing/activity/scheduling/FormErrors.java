package org.tongxing.activity.scheduling;

import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

import org.tongxing.activity.ActivityStateException;
import org.tongxing.volunteer.FieldProblem;

/**
 * Problems from the activity API as errors of a form: beside the field the form has, or
 * for the whole form when it has no such field.
 */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult errors, List<FieldProblem> problems, UnaryOperator<String> fieldOfForm) {
		BeanWrapperImpl form = new BeanWrapperImpl(errors.getTarget());
		for (FieldProblem problem : problems) {
			String field = fieldOfForm.apply(problem.field());
			if (field != null && isField(form, field)) {
				errors.rejectValue(field, problem.messageKey(), problem.argumentArray(), problem.messageKey());
			}
			else {
				errors.reject(problem.messageKey(), problem.argumentArray(), problem.messageKey());
			}
		}
	}

	static void reject(BindingResult errors, List<FieldProblem> problems) {
		reject(errors, problems, UnaryOperator.identity());
	}

	static void reject(BindingResult errors, ActivityStateException ex) {
		errors.reject(ex.messageKey(), ex.argumentArray(), ex.messageKey());
	}

	private static boolean isField(BeanWrapperImpl form, String field) {
		try {
			return form.isReadableProperty(field);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
