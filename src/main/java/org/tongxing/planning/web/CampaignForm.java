package org.tongxing.planning.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import org.tongxing.planning.CampaignTargets;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.Measure;
import org.tongxing.planning.Plans;

/**
 * The fields of the add-campaign and edit-campaign forms. Targets are text so that what
 * was typed comes back unchanged beside its message; empty means no target.
 */
class CampaignForm {

	@NotBlank(message = "{planning.validation.required}")
	@Size(max = 100, message = "{planning.validation.tooLong}")
	private String name;

	@Size(max = 2000, message = "{planning.validation.tooLong}")
	private String description;

	@Size(max = 20, message = "{planning.validation.tooLong}")
	private String targetActivities;

	@Size(max = 20, message = "{planning.validation.tooLong}")
	private String targetParticipations;

	@Size(max = 20, message = "{planning.validation.tooLong}")
	private String targetHours;

	@Size(max = 20, message = "{planning.validation.tooLong}")
	private String targetPeopleServed;

	@Size(max = 20, message = "{planning.validation.tooLong}")
	private String targetMoneyRaised;

	static CampaignForm of(CampaignView campaign) {
		CampaignForm form = new CampaignForm();
		form.name = campaign.name();
		form.description = campaign.description();
		form.targetActivities = text(campaign.targets().get(Measure.ACTIVITIES));
		form.targetParticipations = text(campaign.targets().get(Measure.PARTICIPATIONS));
		form.targetHours = text(campaign.targets().get(Measure.HOURS));
		form.targetPeopleServed = text(campaign.targets().get(Measure.PEOPLE_SERVED));
		form.targetMoneyRaised = text(campaign.targets().get(Measure.MONEY_RAISED));
		return form;
	}

	/**
	 * The targets entered; a field that is not a number gets its message in
	 * {@code errors}.
	 */
	CampaignTargets targets(BindingResult errors) {
		Map<Measure, String> entered = Map.of(Measure.ACTIVITIES, nullToEmpty(this.targetActivities),
				Measure.PARTICIPATIONS, nullToEmpty(this.targetParticipations), Measure.HOURS,
				nullToEmpty(this.targetHours), Measure.PEOPLE_SERVED, nullToEmpty(this.targetPeopleServed),
				Measure.MONEY_RAISED, nullToEmpty(this.targetMoneyRaised));
		Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
		entered.forEach((measure, text) -> {
			String trimmed = text.strip();
			if (trimmed.isEmpty()) {
				return;
			}
			try {
				values.put(measure, new BigDecimal(trimmed));
			}
			catch (NumberFormatException ex) {
				String field = Plans.targetField(measure);
				if (!errors.hasFieldErrors(field)) {
					errors.rejectValue(field, "planning.target.notANumber", "planning.target.notANumber");
				}
			}
		});
		return new CampaignTargets(values);
	}

	private static String text(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : null;
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getTargetActivities() {
		return this.targetActivities;
	}

	public void setTargetActivities(String targetActivities) {
		this.targetActivities = targetActivities;
	}

	public String getTargetParticipations() {
		return this.targetParticipations;
	}

	public void setTargetParticipations(String targetParticipations) {
		this.targetParticipations = targetParticipations;
	}

	public String getTargetHours() {
		return this.targetHours;
	}

	public void setTargetHours(String targetHours) {
		this.targetHours = targetHours;
	}

	public String getTargetPeopleServed() {
		return this.targetPeopleServed;
	}

	public void setTargetPeopleServed(String targetPeopleServed) {
		this.targetPeopleServed = targetPeopleServed;
	}

	public String getTargetMoneyRaised() {
		return this.targetMoneyRaised;
	}

	public void setTargetMoneyRaised(String targetMoneyRaised) {
		this.targetMoneyRaised = targetMoneyRaised;
	}

}
