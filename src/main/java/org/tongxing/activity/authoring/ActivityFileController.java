package org.tongxing.activity.authoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.ActivityVisibility;
import org.tongxing.activity.authoring.ActivityFiles.FileContent;

/**
 * The cover and the attachments of an activity, to anyone who may see the activity
 * ({@link ActivityVisibility}: a draft's files only for those who see its unit as
 * organisers); everyone else gets 404, as if there were no such file.
 */
@Controller
class ActivityFileController {

	private final Activities activities;

	private final ActivityVisibility visibility;

	private final ActivityFiles files;

	ActivityFileController(Activities activities, ActivityVisibility visibility, ActivityFiles files) {
		this.activities = activities;
		this.visibility = visibility;
		this.files = files;
	}

	/**
	 * The cover as a JPEG. Its URL stays the same when the cover changes, so browsers
	 * revalidate with the ETag (the content's hash); only the viewer's own cache keeps
	 * it.
	 */
	@GetMapping("/activities/{id}/cover")
	ResponseEntity<byte[]> cover(@PathVariable long id) {
		ActivityView activity = visible(id);
		if (activity.coverFileId() == null) {
			throw new ActivityNotFoundException("cover", id);
		}
		FileContent cover = this.files.content(activity.id(), activity.coverFileId())
			.orElseThrow(() -> new ActivityNotFoundException("cover", id));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate().mustRevalidate())
			.eTag("\"" + cover.file().sha256() + "\"")
			.body(cover.content());
	}

	/** An attachment, always as a download under its original (cleaned) name. */
	@GetMapping("/activities/{id}/files/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
		ActivityView activity = visible(id);
		FileContent file = this.files.content(activity.id(), fileId)
			.orElseThrow(() -> new ActivityNotFoundException("file", fileId));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.file().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.file().filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.noCache().cachePrivate())
			.eTag("\"" + file.file().sha256() + "\"")
			.body(file.content());
	}

	private ActivityView visible(long id) {
		ActivityView activity = this.activities.find(new ActivityId(id))
			.orElseThrow(() -> new ActivityNotFoundException("activity", id));
		if (!this.visibility.canSee(this.visibility.current(), activity)) {
			throw new ActivityNotFoundException("activity", id);
		}
		return activity;
	}

}
