package org.tongxing.servicerecord.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An activity's hours policy as typed: its own, or the association's default. */
class HoursPolicyForm {

	private boolean useDefault = true;

	@NotNull
	@Min(0)
	@Max(100)
	private Integer minSharePercent = 0;

	@Size(max = 200)
	private String buckets = "";

	public boolean isUseDefault() {
		return this.useDefault;
	}

	public void setUseDefault(boolean useDefault) {
		this.useDefault = useDefault;
	}

	public Integer getMinSharePercent() {
		return this.minSharePercent;
	}

	public void setMinSharePercent(Integer minSharePercent) {
		this.minSharePercent = minSharePercent;
	}

	public String getBuckets() {
		return this.buckets;
	}

	public void setBuckets(String buckets) {
		this.buckets = buckets;
	}

}
