package ccc.client.connect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher answering by method and encoded path. Each route answers its
 * responses in order and then keeps repeating the last one; unknown routes answer 404. Every
 * request is logged as "METHOD target" (target = encoded path and query).
 */
final class Script extends Dispatcher {

    private final Map<String, Deque<MockResponse>> routes = new ConcurrentHashMap<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    Script on(String method, String encodedPath, MockResponse... responses) {
        routes.computeIfAbsent(method + " " + encodedPath, k -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        log.add(request.getMethod() + " " + request.getTarget());
        bodies.add(request.getBody() == null ? "" : request.getBody().utf8());
        Deque<MockResponse> queue = routes.get(request.getMethod() + " " + request.getUrl().encodedPath());
        if (queue == null || queue.isEmpty()) {
            return Http.json(404, "{\"error_code\":404,\"message\":\"no route for " + request.getMethod() + " "
                    + request.getUrl().encodedPath() + "\"}");
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    List<String> log() {
        return List.copyOf(log);
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }
}
