package org.tongxing.activity.browse;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filter of the volunteers' activity list: dates in the sessions' own zones,
 * campaign, organising unit, place text or online only, "matches my skills", and the
 * page.
 */
public class BrowseForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private Long campaign;

	private Long unit;

	@Size(max = 100)
	private String place;

	private boolean online;

	private boolean matching;

	@Min(0)
	private int page;

	public LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return this.to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public Long getCampaign() {
		return this.campaign;
	}

	public void setCampaign(Long campaign) {
		this.campaign = campaign;
	}

	public Long getUnit() {
		return this.unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
	}

	public String getPlace() {
		return this.place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public boolean isOnline() {
		return this.online;
	}

	public void setOnline(boolean online) {
		this.online = online;
	}

	public boolean isMatching() {
		return this.matching;
	}

	public void setMatching(boolean matching) {
		this.matching = matching;
	}

	public int getPage() {
		return this.page;
	}

	public void setPage(int page) {
		this.page = page;
	}

}
