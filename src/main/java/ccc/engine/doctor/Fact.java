package ccc.engine.doctor;

import ccc.CccException;
import java.util.function.Supplier;

/** Something read from outside once: its value, or why it could not be read (and then the value is null). */
record Fact<T>(T value, String why) {

    static <T> Fact<T> read(Supplier<T> reading) {
        try {
            return new Fact<>(reading.get(), null);
        } catch (CccException e) {
            return new Fact<>(null, e.getMessage());
        }
    }

    boolean known() {
        return why == null;
    }
}
