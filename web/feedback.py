"""`POST /api/v1/feedback/{token}`: a connector reports how a task it was given ended.

The token in the URL is the credential (the body's `updateUrl` of a `consume-rest-api` call with
`sendsFeedback`). Answers: 200 accepted; 400 field errors (`{"errors": [{field, message, code}]}`);
404 a link that is not genuine or names no task; 409 a link used before, or a task that no longer
waits; 410 an expired link; 413 a body over FABFLOW_MAX_BODY_BYTES; 415 a body that is not JSON (400 when
its text is not JSON or nests deeper than FABFLOW_JSON_MAX_DEPTH).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.services import task_links
from server.services.errors import Conflict, FieldError, NotFound, ServiceError, ValidationFailed
from server.services.signed_links import LinkError
from web.guard import performs
from web.json_body import JsonRefused, json_body, refused_response

LINK_STATUS = {"invalid": 404, "used": 409, "expired": 410}
SERVICE_STATUS: dict[type[ServiceError], int] = {ValidationFailed: 400, NotFound: 404, Conflict: 409}


def errors(status: int, problems: list[FieldError]) -> JSONResponse:
    return JSONResponse({"errors": [problem.as_dict() for problem in problems]}, status)


def is_json(content_type: str | None) -> bool:
    media_type = (content_type or "").partition(";")[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


@performs("sendFeedback")
async def post_feedback(request: Request) -> JSONResponse:
    if not is_json(request.headers.get("content-type")):
        return errors(415, [FieldError("", "Send the feedback as JSON ('Content-Type: application/json').")])
    try:
        body = await json_body(request)
    except JsonRefused as refusal:
        return refused_response(refusal)
    try:
        accepted = await task_links.accept_feedback(request.path_params["token"], body)
    except LinkError as exc:
        return errors(LINK_STATUS[exc.reason], [FieldError("token", exc.message, f"link_{exc.reason}")])
    except ServiceError as exc:
        return errors(SERVICE_STATUS.get(type(exc), 400), exc.errors)
    answer = {"accepted": True, "taskRunId": str(accepted.task_run_id), "status": accepted.status}
    return JSONResponse({**answer, "assetsStored": accepted.assets})


routes = [Route("/api/v1/feedback/{token}", post_feedback, methods=["POST"])]
