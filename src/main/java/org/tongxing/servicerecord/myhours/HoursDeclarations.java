package org.tongxing.servicerecord.myhours;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.servicerecord.Declaration;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.volunteer.VolunteerId;

/**
 * A volunteer's declaration of hours served outside the platform, with its evidence, in
 * one transaction: a declaration refused leaves no file behind.
 */
@Service
class HoursDeclarations {

	private final EvidenceFiles files;

	private final ServiceRecords records;

	HoursDeclarations(EvidenceFiles files, ServiceRecords records) {
		this.files = files;
		this.records = records;
	}

	/**
	 * Stores the evidence and the pending entry.
	 * @return the entry's id
	 * @throws EvidenceFiles.EvidenceRejectedException for evidence not accepted
	 * @throws org.tongxing.servicerecord.ServiceRecordException for a declaration the
	 * ledger refuses
	 */
	@Transactional
	public long declare(AccountId account, VolunteerId volunteer, Declaration declaration, String fileName,
			byte[] evidence) {
		long fileId = this.files.store(volunteer, account, fileName, evidence);
		return this.records.declare(account, declaration, fileId);
	}

}
