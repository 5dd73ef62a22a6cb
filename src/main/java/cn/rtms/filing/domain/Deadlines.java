package cn.rtms.filing.domain;

import java.time.LocalDate;

/**
 * Due dates of workflow steps, counted in working days (the numbers are data, see
 * {@code filing/deadlines.properties}).
 */
public interface Deadlines {

	/**
	 * @param step the step the holder must take next
	 * @param from the day the filing reached the holder
	 * @return the last day to act
	 */
	LocalDate due(Deadline step, LocalDate from);

	/**
	 * @param firstCase the first case's date
	 * @return the last day to submit the filing (15 working days after the first case)
	 */
	LocalDate filingDeadline(LocalDate firstCase);

}
