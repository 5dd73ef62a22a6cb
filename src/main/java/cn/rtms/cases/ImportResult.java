package cn.rtms.cases;

import java.util.List;
import java.util.UUID;

/**
 * What {@link CaseManagement#importSubmitted} did.
 *
 * @param inserted cases inserted and submitted
 * @param duplicates cases skipped because the same case (institution, technology, 病案号,
 * operation date) already existed
 * @param ids ids of the inserted cases, in input order
 */
public record ImportResult(int inserted, int duplicates, List<UUID> ids) {
}
