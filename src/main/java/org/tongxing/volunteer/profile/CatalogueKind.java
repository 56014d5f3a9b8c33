package org.tongxing.volunteer.profile;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two catalogues coordinators keep: skills (table {@code skill}) and qualification
 * types (table {@code qualification_type}); both have the same columns.
 */
enum CatalogueKind {

	SKILLS("skills", "skill", "skill"),

	QUALIFICATIONS("qualifications", "qualification_type", "qualification-type");

	private final String path;

	private final String table;

	private final String auditType;

	CatalogueKind(String path, String table, String auditType) {
		this.path = path;
		this.table = table;
		this.auditType = auditType;
	}

	/** The URL segment, as in {@code /catalogue/skills}. */
	String path() {
		return this.path;
	}

	/** A fixed table name, never user input. */
	String table() {
		return this.table;
	}

	String auditType() {
		return this.auditType;
	}

	static Optional<CatalogueKind> ofPath(String path) {
		return Arrays.stream(values()).filter((kind) -> kind.path.equals(path)).findFirst();
	}

}
