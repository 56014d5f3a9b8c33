package org.tongxing.activity.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.domain.ActivityRules;
import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.FieldProblem;

/**
 * The positions a form puts on every session it creates: chosen templates and typed rows
 * ({@code positions[i].name} ...). A row left empty is skipped; each other row is checked
 * against the rules of a position before anything is created, its problems beside the
 * fields of that row, so that a form with one bad row creates nothing.
 */
@Component
class PositionRows {

	/** Positions per session a form may add: templates and typed rows together. */
	static final int MAX = 20;

	private final ActivityRules rules;

	private final PositionTemplates templates;

	PositionRows(ActivityRules rules, PositionTemplates templates) {
		this.rules = rules;
		this.templates = templates;
	}

	/** {@code rows} empty rows to start a form with. */
	static List<PositionForm> empty(int rows) {
		List<PositionForm> list = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			list.add(new PositionForm());
		}
		return list;
	}

	/**
	 * Adds an empty row unless the form already has {@link #MAX}.
	 * @return whether a row was added
	 */
	static boolean addRow(List<PositionForm> rows) {
		if (rows.size() >= MAX) {
			return false;
		}
		rows.add(new PositionForm());
		return true;
	}

	/** Whether nothing was typed in the row (its approval always has a value). */
	static boolean isEmpty(PositionForm row) {
		return blank(row.getName()) && blank(row.getDescription()) && row.getCapacity() == null
				&& row.getMinAge() == null && row.getSkills().isEmpty() && row.getLanguages().isEmpty()
				&& row.getQualifications().isEmpty();
	}

	/**
	 * The chosen templates' positions, then the typed rows', in order; problems go into
	 * {@code errors} (a row's beside its fields, under {@code field[i]}) and leave the
	 * list incomplete, so callers create nothing when {@code errors} has any.
	 * @param field the form's property holding the rows, e.g. {@code positions}
	 */
	List<PositionDetails> positions(UnitScope scope, List<Long> templateIds, List<PositionForm> rows, String field,
			BindingResult errors) {
		List<PositionDetails> positions = new ArrayList<>();
		for (Long id : templateIds.stream().filter(Objects::nonNull).distinct().toList()) {
			PositionTemplateView template = this.templates.get(scope, id);
			// a template saved before a code left the catalogue no longer passes: say
			// which
			if (this.rules.check(template.details()).isEmpty()) {
				positions.add(template.details());
			}
			else {
				errors.reject("scheduling.invalid.template", new Object[] { template.name() },
						"scheduling.invalid.template");
			}
		}
		for (int i = 0; i < rows.size(); i++) {
			PositionForm row = rows.get(i);
			String prefix = field + "[" + i + "].";
			if (isEmpty(row) && !errors.hasFieldErrors(prefix + "capacity")
					&& !errors.hasFieldErrors(prefix + "minAge")) {
				continue;
			}
			if (row.getCapacity() == null && !errors.hasFieldErrors(prefix + "capacity")) {
				errors.rejectValue(prefix + "capacity", "scheduling.invalid.required");
			}
			PositionDetails details = row.details();
			for (FieldProblem problem : this.rules.check(details)) {
				String path = prefix + problem.field();
				// a number that did not bind is already refused beside its field
				if (!errors.hasFieldErrors(path)) {
					errors.rejectValue(path, problem.messageKey(), problem.argumentArray(), problem.messageKey());
				}
			}
			positions.add(details);
		}
		if (positions.size() > MAX) {
			errors.reject("scheduling.invalid.too-many-positions", new Object[] { MAX },
					"scheduling.invalid.too-many-positions");
		}
		return positions;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
