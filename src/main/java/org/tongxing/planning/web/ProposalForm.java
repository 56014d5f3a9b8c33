package org.tongxing.planning.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.tongxing.organisation.UnitId;
import org.tongxing.planning.CampaignId;
import org.tongxing.planning.ProposalDetails;

/**
 * The fields of the propose-an-activity form.
 */
class ProposalForm {

	@NotNull(message = "{planning.validation.required}")
	private Long unitId;

	@NotBlank(message = "{planning.validation.required}")
	@Size(max = 200, message = "{planning.validation.tooLong}")
	private String title;

	@Size(max = 2000, message = "{planning.validation.tooLong}")
	private String summary;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate plannedFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate plannedTo;

	@Min(value = 0, message = "{planning.target.negative}")
	@Max(value = 10_000_000, message = "{planning.target.tooLarge}")
	private Integer expectedParticipants;

	ProposalDetails toDetails(CampaignId campaign) {
		return new ProposalDetails(campaign, new UnitId(this.unitId), this.title, this.summary, this.plannedFrom,
				this.plannedTo, this.expectedParticipants);
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public LocalDate getPlannedFrom() {
		return this.plannedFrom;
	}

	public void setPlannedFrom(LocalDate plannedFrom) {
		this.plannedFrom = plannedFrom;
	}

	public LocalDate getPlannedTo() {
		return this.plannedTo;
	}

	public void setPlannedTo(LocalDate plannedTo) {
		this.plannedTo = plannedTo;
	}

	public Integer getExpectedParticipants() {
		return this.expectedParticipants;
	}

	public void setExpectedParticipants(Integer expectedParticipants) {
		this.expectedParticipants = expectedParticipants;
	}

}
