"""Open manual tasks across the orders a user may see; those meant for the user's tags first."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from server.services.run_views import OpenTask, open_manual_tasks
from web.guard import actor_of, page, user_of
from web.templating import render


def meant_for(task: OpenTask, tags: list[str]) -> bool:
    return bool(set(task.assignee_tags) & set(tags))


@page()
async def tasks_page(request: Request) -> Response:
    tags = list(user_of(request).tags or [])
    tasks = await open_manual_tasks(actor_of(request))
    mine_only = request.query_params.get("mine") == "1"
    if mine_only:
        tasks = [t for t in tasks if meant_for(t, tags)]
    tasks.sort(key=lambda t: not meant_for(t, tags))
    context = {"tasks": tasks, "mine_only": mine_only, "mine": {t.id for t in tasks if meant_for(t, tags)}}
    return render(request, "tasks.html", context)


routes: list[BaseRoute] = [Route("/tasks", tasks_page, methods=["GET"])]
