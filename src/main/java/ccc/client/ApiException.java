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

    public ApiException(String operation, int status, String serverMessage) {
        super(describe(operation, status, serverMessage));
        this.status = status;
        this.serverMessage = serverMessage;
    }

    public ApiException(String operation, String problem, Throwable cause) {
        super(operation + " failed: " + problem, cause);
        this.status = 0;
        this.serverMessage = problem;
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

    private static String describe(String operation, int status, String serverMessage) {
        String hint = switch (status) {
            case 401 -> " Check CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET: they must be a Cloud API key.";
            case 403 -> " The API key is valid but lacks permission for this resource.";
            case 429 -> " Rate limited by the server even after retries; try again later.";
            default -> "";
        };
        return operation + " failed: HTTP " + status
                + (serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage) + "." + hint;
    }
}
