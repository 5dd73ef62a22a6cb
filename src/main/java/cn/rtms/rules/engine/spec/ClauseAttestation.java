package cn.rtms.rules.engine.spec;

/**
 * The part of a clause a machine cannot judge; a reviewer confirms it with evidence.
 *
 * @param evidence what evidence the reviewer should see, in Chinese
 */
public record ClauseAttestation(String evidence) {
}
