package io.isolab.checks;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes and CPU amounts as authors write them and as learners read them. */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?");
    private static final long KIB = 1024, MIB = KIB * 1024, GIB = MIB * 1024;

    private Sizes() {
    }

    /**
     * Bytes of "100M", "100m", "1g", "1.5GiB", "512k", "104857600". Suffixes are binary (M = MiB) as in
     * {@code docker run -m}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static long parseBytes(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + text + "` is not a size (write e.g. 100M, 1g or 104857600)");
        }
        long unit = switch (m.group(2)) {
            case "k" -> KIB;
            case "m" -> MIB;
            case "g" -> GIB;
            case "t" -> GIB * 1024;
            default -> 1;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        return bytes.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    }

    /** 104857600 → "100 MiB", 1610612736 → "1.5 GiB", 1000 → "1000 bytes". */
    public static String bytes(long bytes) {
        for (long unit : new long[] {GIB, MIB, KIB}) {
            if (bytes >= unit && (bytes * 10) % unit == 0) {
                String name = unit == GIB ? "GiB" : unit == MIB ? "MiB" : "KiB";
                return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString()
                        + " " + name;
            }
        }
        return bytes + " bytes";
    }

    /** Milli-CPUs of "0.5", "1.5", 2. */
    public static long parseMilliCpus(String text) {
        try {
            BigDecimal cpus = new BigDecimal(text.trim());
            if (cpus.signum() <= 0) throw new NumberFormatException();
            return cpus.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("`" + text + "` is not a number of CPUs (write e.g. 0.5 as in --cpus 0.5)");
        }
    }

    /** 500 → "0.5 CPUs". */
    public static String cpus(long milli) {
        return BigDecimal.valueOf(milli).movePointLeft(3).stripTrailingZeros().toPlainString() + " CPUs";
    }
}
