package dev.mamori.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.server.ApiError;
import java.util.Optional;

/** A request's JSON body, with the fields a handler needs checked and named in the errors. */
final class Body {

    private final JsonNode json;

    private Body(JsonNode json) {
        this.json = json;
    }

    static Body of(Request request) {
        if (request.body().length == 0) {
            throw ApiError.badRequest("the request needs a JSON body");
        }
        try {
            JsonNode json = Router.json().readTree(request.body());
            if (json == null || !json.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object");
            }
            return new Body(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ApiError.badRequest("the body is not JSON (line " + line + ")");
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("the body could not be read");
        }
    }

    JsonNode json() {
        return json;
    }

    String text(String field) {
        return optionalText(field)
                .orElseThrow(() -> ApiError.badRequest("the body needs the text field '" + field + "'"));
    }

    Optional<String> optionalText(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest("the field '" + field + "' must be text");
        }
        return Optional.of(node.asText());
    }
}
