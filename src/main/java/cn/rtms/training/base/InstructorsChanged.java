package cn.rtms.training.base;

import java.util.UUID;

/**
 * A filed base's instructors changed: {@link TrainingBaseRecheck} re-evaluates it after
 * commit.
 *
 * @param baseId the base
 */
public record InstructorsChanged(UUID baseId) {
}
