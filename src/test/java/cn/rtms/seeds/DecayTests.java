package cn.rtms.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Decay from the half-life (issue 11: a seed of 0.696 mCi is about 0.492 mCi some 29.7
 * days later).
 */
class DecayTests {

	private static final double I125 = 59.4;

	@Test
	void anI125SeedOf0696MciIsAbout0492Mci29Point7DaysLater() {
		assertThat(Decay.activity(0.696, I125, 29.7)).isCloseTo(0.492, within(0.0005));
	}

	@Test
	void halvesEveryHalfLifeAndIsUnchangedOnTheCalibrationDay() {
		assertThat(Decay.activity(0.8, I125, 0)).isEqualTo(0.8);
		assertThat(Decay.activity(0.8, I125, I125)).isCloseTo(0.4, within(1e-12));
		assertThat(Decay.activity(0.8, 16.99, 2 * 16.99)).isCloseTo(0.2, within(1e-12));
		assertThat(Decay.activity(0.4, I125, -I125)).isCloseTo(0.8, within(1e-12));
	}

	@Test
	void countsWholeDaysFromTheCalibrationDateRoundedTo4Decimals() {
		LocalDate calibrated = LocalDate.of(2026, 10, 23);
		assertThat(
				Decay.activityOn(new BigDecimal("0.696"), new BigDecimal("59.4"), calibrated, calibrated.plusDays(30)))
			.isEqualByComparingTo("0.4904");
		assertThat(Decay.activityOn(new BigDecimal("0.696"), new BigDecimal("59.4"), calibrated, calibrated))
			.isEqualByComparingTo("0.6960");
	}

	@Test
	void refusesANonPositiveHalfLife() {
		assertThatThrownBy(() -> Decay.activity(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
	}

}
