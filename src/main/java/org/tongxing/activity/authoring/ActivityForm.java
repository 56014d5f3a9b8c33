package org.tongxing.activity.authoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.Visibility;
import org.tongxing.organisation.UnitId;
import org.tongxing.planning.CampaignId;

/**
 * The fields of the new-activity and edit-activity forms. The description arrives as the
 * HTML the editor wrote (or typed into the plain textarea without script); the core
 * sanitises it before it is stored.
 */
public class ActivityForm {

	@NotBlank(message = "{authoring.validation.required}")
	@Size(max = 200, message = "{authoring.validation.too-long}")
	private String title;

	@Size(max = 100_000, message = "{authoring.validation.too-long}")
	private String description;

	private Long campaign;

	@NotNull(message = "{authoring.validation.required}")
	private Long unit;

	private List<Long> coOrganisers = new ArrayList<>();

	private boolean online;

	@Size(max = 300, message = "{authoring.validation.too-long}")
	private String address;

	@Size(max = 500, message = "{authoring.validation.too-long}")
	private String onlineUrl;

	@NotBlank(message = "{authoring.validation.required}")
	@Size(max = 64, message = "{authoring.validation.too-long}")
	private String timeZone;

	@NotNull(message = "{authoring.validation.required}")
	private Visibility visibility = Visibility.ASSOCIATION;

	private Long visibilityUnit;

	@Size(max = 50, message = "{authoring.validation.too-long}")
	private String contactName;

	@Size(max = 200, message = "{authoring.validation.too-long}")
	private String contactInfo;

	@Size(max = 300, message = "{authoring.validation.too-long}")
	private String beneficiaries;

	@NotNull(message = "{authoring.validation.required}")
	@Min(value = 0, message = "{authoring.validation.deadline}")
	@Max(value = 720, message = "{authoring.validation.deadline}")
	private Integer cancelDeadlineHours = 24;

	/** The proposal the activity is created from, if any. */
	private Long proposal;

	static ActivityForm of(ActivityView activity) {
		ActivityForm form = new ActivityForm();
		form.title = activity.title();
		form.description = activity.descriptionHtml();
		form.campaign = (activity.campaign() != null) ? activity.campaign().value() : null;
		form.unit = activity.unit().value();
		form.coOrganisers = new ArrayList<>(activity.coOrganisers().stream().map(UnitId::value).sorted().toList());
		form.online = activity.online();
		form.address = activity.address();
		form.onlineUrl = activity.onlineUrl();
		form.timeZone = activity.zone().getId();
		form.visibility = activity.visibility();
		form.visibilityUnit = (activity.visibilityUnit() != null) ? activity.visibilityUnit().value() : null;
		form.contactName = activity.contactName();
		form.contactInfo = activity.contactInfo();
		form.beneficiaries = activity.beneficiaries();
		form.cancelDeadlineHours = activity.cancelDeadlineHours();
		form.proposal = activity.proposalId();
		return form;
	}

	ActivityDetails toDetails() {
		Set<UnitId> co = new LinkedHashSet<>();
		if (this.coOrganisers != null) {
			this.coOrganisers.stream().filter((id) -> id != null).map(UnitId::new).forEach(co::add);
		}
		return new ActivityDetails(this.title, this.description,
				(this.campaign != null) ? new CampaignId(this.campaign) : null,
				(this.unit != null) ? new UnitId(this.unit) : null, co, this.online, this.address, this.onlineUrl,
				(this.timeZone != null) ? this.timeZone.strip() : null, this.visibility,
				(this.visibility == Visibility.SUBTREE && this.visibilityUnit != null) ? new UnitId(this.visibilityUnit)
						: null,
				this.contactName, this.contactInfo, this.beneficiaries,
				(this.cancelDeadlineHours != null) ? this.cancelDeadlineHours : 24);
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
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

	public List<Long> getCoOrganisers() {
		return this.coOrganisers;
	}

	public void setCoOrganisers(List<Long> coOrganisers) {
		this.coOrganisers = (coOrganisers != null) ? coOrganisers : new ArrayList<>();
	}

	public boolean isOnline() {
		return this.online;
	}

	public void setOnline(boolean online) {
		this.online = online;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getOnlineUrl() {
		return this.onlineUrl;
	}

	public void setOnlineUrl(String onlineUrl) {
		this.onlineUrl = onlineUrl;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public Visibility getVisibility() {
		return this.visibility;
	}

	public void setVisibility(Visibility visibility) {
		this.visibility = visibility;
	}

	public Long getVisibilityUnit() {
		return this.visibilityUnit;
	}

	public void setVisibilityUnit(Long visibilityUnit) {
		this.visibilityUnit = visibilityUnit;
	}

	public String getContactName() {
		return this.contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactInfo() {
		return this.contactInfo;
	}

	public void setContactInfo(String contactInfo) {
		this.contactInfo = contactInfo;
	}

	public String getBeneficiaries() {
		return this.beneficiaries;
	}

	public void setBeneficiaries(String beneficiaries) {
		this.beneficiaries = beneficiaries;
	}

	public Integer getCancelDeadlineHours() {
		return this.cancelDeadlineHours;
	}

	public void setCancelDeadlineHours(Integer cancelDeadlineHours) {
		this.cancelDeadlineHours = cancelDeadlineHours;
	}

	public Long getProposal() {
		return this.proposal;
	}

	public void setProposal(Long proposal) {
		this.proposal = proposal;
	}

}
