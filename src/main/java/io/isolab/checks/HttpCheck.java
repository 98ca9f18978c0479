package io.isolab.checks;

/** GET http://{host}:{port}{path} from inside the sandbox; host null = the sandbox itself (localhost). */
public record HttpCheck(int port, String path, int status, String contains, String host) implements Check {

    public String target() {
        return (host == null ? "localhost" : host) + ":" + port + path;
    }

    @Override
    public String label() {
        return "GET " + target() + " answers " + status + (contains != null ? " with " + Check.code(contains) : "");
    }
}
