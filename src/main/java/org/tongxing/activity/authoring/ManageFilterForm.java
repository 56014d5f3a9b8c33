package org.tongxing.activity.authoring;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.util.UriComponentsBuilder;

import org.tongxing.activity.ActivityStatus;

/**
 * The filter of the organisers' activity list, bound from the query string so that every
 * filtered page has a URL; paging links keep it.
 */
public class ManageFilterForm {

	static final int PAGE_SIZE = 25;

	@Size(max = 100)
	private String q;

	private ActivityStatus status;

	private Long unit;

	private Long campaign;

	private int page;

	/** Drops values that did not parse or are too long (a typed URL). */
	void dropInvalid(BindingResult errors) {
		for (FieldError error : errors.getFieldErrors()) {
			switch (error.getField()) {
				case "q" -> this.q = null;
				case "status" -> this.status = null;
				case "unit" -> this.unit = null;
				case "campaign" -> this.campaign = null;
				default -> this.page = 0;
			}
		}
	}

	/** The parameters that are set, without the page. */
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (this.q != null && !this.q.isBlank()) {
			parameters.put("q", this.q.strip());
		}
		if (this.status != null) {
			parameters.put("status", this.status.name());
		}
		if (this.unit != null) {
			parameters.put("unit", this.unit.toString());
		}
		if (this.campaign != null) {
			parameters.put("campaign", this.campaign.toString());
		}
		return parameters;
	}

	/** This filter on another page of the results. */
	public String pageLink(int number) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/activities/manage");
		parameters().forEach(uri::queryParam);
		if (number > 0) {
			uri.queryParam("page", number);
		}
		return uri.encode().toUriString();
	}

	public String getQ() {
		return this.q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public ActivityStatus getStatus() {
		return this.status;
	}

	public void setStatus(ActivityStatus status) {
		this.status = status;
	}

	public Long getUnit() {
		return this.unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
	}

	public Long getCampaign() {
		return this.campaign;
	}

	public void setCampaign(Long campaign) {
		this.campaign = campaign;
	}

	public int getPage() {
		return this.page;
	}

	public void setPage(int page) {
		this.page = Math.max(0, page);
	}

}
