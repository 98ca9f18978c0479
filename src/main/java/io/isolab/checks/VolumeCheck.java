package io.isolab.checks;

/** A named Docker volume of the sandbox's engine. */
public record VolumeCheck(String name) implements Check {

    @Override
    public String label() {
        return "volume " + Check.code(name) + " exists";
    }
}
