package ccc.client;

import ccc.CccException;

/**
 * A remote API answered with an error, or could not be reached. The message names the operation,
 * the HTTP status and the server's own words, already scrubbed of every secret this run knows.
 */
public class ApiException extends CccException {

    /** 0 when no HTTP answer came (connection refused, timeout). */
    private final int status;
    private final String serverMessage;
    private final String hint;

    public ApiException(String operation, int status, String serverMessage) {
        this(operation, status, serverMessage, null);
    }

    /**
     * With {@code hint} replacing the default advice for the status (the default for 401 names the
     * Confluent Cloud key variables, which is wrong for other services); null keeps the default,
     * blank gives none.
     */
    public ApiException(String operation, int status, String serverMessage, String hint) {
        this(operation, status, serverMessage, hint, null);
    }

    public ApiException(String operation, String problem, Throwable cause) {
        super(operation + " failed: " + problem, cause);
        this.status = 0;
        this.serverMessage = problem;
        this.hint = null;
    }

    private ApiException(String operation, int status, String serverMessage, String hint, Throwable cause) {
        super(Kind.ERROR, describe(operation, status, serverMessage, hint), cause);
        this.status = status;
        this.serverMessage = serverMessage;
        this.hint = hint;
    }

    public int status() {
        return status;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /**
     * The same failure reported as part of {@code operation}, with {@code note} (what it means for
     * that operation) added to the server's words.
     */
    public ApiException within(String operation, String note) {
        String message = (serverMessage == null || serverMessage.isBlank() ? "" : serverMessage + " ") + "(" + note + ")";
        return status == 0
                ? new ApiException(operation, message, this)
                : new ApiException(operation, status, message, hint, this);
    }

    private static String describe(String operation, int status, String serverMessage, String customHint) {
        String hint = customHint != null ? (customHint.isBlank() ? "" : " " + customHint) : switch (status) {
            case 401 -> " Check CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET: they must be a Cloud API key.";
            case 403 -> " The API key is valid but lacks permission for this resource.";
            case 429 -> " Rate limited by the server even after retries; try again later.";
            default -> "";
        };
        return operation + " failed: HTTP " + status
                + (serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage) + "." + hint;
    }
}
