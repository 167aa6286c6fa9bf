"""HP Site Flow postbacks: `POST /api/v1/siteflow/tasks/{token}` and `POST /api/v1/siteflow/spaces/{key}`.

The first is a task's own signed URL (the order's `postbackAddress`): the token is the credential
and may be used for every postback of that order. The second is the space's fixed URL for Site
Flow's account-wide triggers, which send the space's postback token as `Authorization: <token>`.
Answers: 200 recorded (`handedToTask` says whether it ended the task's wait); 400 field errors
(`{"errors": [{field, message, code}]}`); 401 a missing or wrong token; 404 a link that is not
genuine, or a `sourceOrderId` no task submitted; 410 an expired link; 413 too large; 415 not JSON.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.services import siteflow
from server.services.errors import FieldError, NotFound, ServiceError, ValidationFailed
from server.services.signed_links import LinkError
from web.feedback import errors, is_json
from web.guard import performs
from web.json_body import JsonRefused, json_body, refused_response

LINK_STATUS = {"invalid": 404, "used": 409, "expired": 410}
SERVICE_STATUS: dict[type[ServiceError], int] = {
    ValidationFailed: 400,
    NotFound: 404,
    siteflow.Unauthorized: 401,
}


async def _body(request: Request) -> object | JSONResponse:
    if not is_json(request.headers.get("content-type")):
        return errors(415, [FieldError("", "Send the postback as JSON ('Content-Type: application/json').")])
    try:
        return await json_body(request)
    except JsonRefused as refusal:
        return refused_response(refusal)


def _accepted(accepted: siteflow.PostbackAccepted) -> JSONResponse:
    return JSONResponse(
        {
            "accepted": True,
            "event": accepted.event,
            "sourceOrderId": accepted.source_order_id,
            "taskRunId": str(accepted.task_run_id),
            "handedToTask": accepted.handed_to_task,
        }
    )


@performs("siteflowPostback")
async def task_postback(request: Request) -> JSONResponse:
    body = await _body(request)
    if isinstance(body, JSONResponse):
        return body
    try:
        accepted = await siteflow.accept_task_postback(request.path_params["token"], body)
    except LinkError as exc:
        return errors(LINK_STATUS[exc.reason], [FieldError("token", exc.message, f"link_{exc.reason}")])
    except ServiceError as exc:
        return errors(SERVICE_STATUS.get(type(exc), 400), exc.errors)
    return _accepted(accepted)


@performs("siteflowPostback")
async def space_postback(request: Request) -> JSONResponse:
    body = await _body(request)
    if isinstance(body, JSONResponse):
        return body
    authorization = request.headers.get("authorization", "")
    try:
        accepted = await siteflow.accept_space_postback(request.path_params["space_key"], authorization, body)
    except ServiceError as exc:
        return errors(SERVICE_STATUS.get(type(exc), 400), exc.errors)
    return _accepted(accepted)


routes = [
    Route("/api/v1/siteflow/tasks/{token}", task_postback, methods=["POST"]),
    Route("/api/v1/siteflow/spaces/{space_key}", space_postback, methods=["POST"]),
]
