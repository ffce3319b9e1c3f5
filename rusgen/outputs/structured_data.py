"""schema.org JSON-LD for a page: Event, NewsArticle, GovernmentOrganization, Person.

Pure functions of the model; the theme's partials/json_ld.html serialises them with the
`json_ld` filter, which escapes <, > and & so no content can close the script element.
"""

from __future__ import annotations

from datetime import datetime

from rusgen.model import Contact, EventInfo, Page, Region

SCHEMA = "https://schema.org"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "full": "EventScheduled",  # schema.org has no "sold out" status; the offer would say it
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved-online": "EventMovedOnline",
}


def structured_data(region: Region, page: Page | None, is_home: bool) -> list[dict]:
    """Return the JSON-LD objects of one page, each with its own @context."""
    items: list[dict] = []
    if is_home:
        items.append(organization(region, "GovernmentOrganization"))
    if page is not None and page.event is not None:
        items.append(event(region, page, page.event))
    if page is not None and page.news is not None:
        items.append(news_article(region, page))
    if page is not None and (page.reviewed or page.owner in region.contacts_by_id):
        items.append(web_page(region, page))
    if page is not None:
        ids = page.contacts + (page.news.press_contacts if page.news else ())
        people = dict.fromkeys(ids)
        items.extend(person(region.contacts_by_id[i]) for i in people if i in region.contacts_by_id)
    return [{"@context": SCHEMA, **item} for item in items]


def organization(region: Region, kind: str = "GovernmentOrganization") -> dict:
    """Describe the region's publishing organisation."""
    result: dict = {"@type": kind, "name": region.organisation, "url": region.base_url}
    if region.contact_email:
        result["email"] = region.contact_email
    if region.contact_phone:
        result["telephone"] = region.contact_phone
    if region.logo:
        result["logo"] = region.absolute_url(region.logo)
    return result


def _moment(value: datetime, all_day: bool) -> str:
    """Return an ISO 8601 date, or date and time with the UTC offset in force that day."""
    return value.date().isoformat() if all_day else value.isoformat(timespec="minutes")


def attendance_mode(info: EventInfo) -> str:
    """Say whether an event is attended in a place, online, or both."""
    online = info.online is not None or bool(info.livestream) or info.status == "moved-online"
    if info.status == "moved-online" or (online and not info.location):
        return "OnlineEventAttendanceMode"
    return "MixedEventAttendanceMode" if online else "OfflineEventAttendanceMode"


def event_status(info: EventInfo) -> str:
    """Return schema.org's status: a moved event is rescheduled, unless it is off or postponed."""
    if info.previous_start is not None and info.status in ("scheduled", "full"):
        return "EventRescheduled"
    return EVENT_STATUS[info.status]


def event(region: Region, page: Page, info: EventInfo) -> dict:
    """Describe an event: when, its status, where and how to take part, who organises it."""
    result: dict = {
        "@type": "Event",
        "name": page.title,
        "url": region.absolute_url(page.url),
        "inLanguage": page.lang,
        "startDate": _moment(info.start, info.all_day),
        "eventStatus": f"{SCHEMA}/{event_status(info)}",
        "eventAttendanceMode": f"{SCHEMA}/{attendance_mode(info)}",
        "organizer": organization(region, "GovernmentOrganization"),
    }
    if info.end is not None:
        result["endDate"] = _moment(info.end, info.all_day)
    if info.previous_start is not None:
        result["previousStartDate"] = _moment(info.previous_start, info.all_day)
    if page.summary:
        result["description"] = page.summary
    if page.image is not None:
        result["image"] = region.absolute_url(page.image.src)
    locations: list[dict] = []
    if info.location and info.status != "moved-online":
        locations.append({"@type": "Place", "name": info.location, "address": info.location})
    online_url = (info.online.url if info.online else "") or info.livestream
    if online_url:
        locations.append({"@type": "VirtualLocation", "url": online_url})
    if locations:
        result["location"] = locations[0] if len(locations) == 1 else locations
    return result


def news_article(region: Region, page: Page) -> dict:
    """Describe a news item or press release."""
    news = page.news
    assert news is not None
    publisher = organization(region, "GovernmentOrganization")
    result: dict = {
        "@type": "NewsArticle",
        "headline": page.title,
        "url": region.absolute_url(page.url),
        "mainEntityOfPage": region.absolute_url(page.url),
        "inLanguage": page.lang,
        "datePublished": news.date.isoformat(),
        "author": {"@type": "Person", "name": news.author} if news.author else publisher,
        "publisher": publisher,
    }
    if page.updated is not None:
        result["dateModified"] = page.updated.isoformat(timespec="minutes")
    if page.summary:
        result["description"] = page.summary
    if page.image is not None:
        result["image"] = region.absolute_url(page.image.src)
    return result


def web_page(region: Region, page: Page) -> dict:
    """Describe who maintains a page and when it was last reviewed (webbriktlinjer R21, R24)."""
    result: dict = {"@type": "WebPage", "url": region.absolute_url(page.url)}
    if page.reviewed:
        result["lastReviewed"] = page.reviewed.isoformat()
    if page.owner in region.contacts_by_id:
        result["maintainer"] = person(region.contacts_by_id[page.owner])
    return result


def person(contact: Contact) -> dict:
    """Describe a person on a contact card."""
    result: dict = {"@type": "Person", "name": contact.name}
    if contact.role:
        result["jobTitle"] = contact.role
    if contact.organisation:
        result["worksFor"] = {"@type": "Organization", "name": contact.organisation}
    if contact.email:
        result["email"] = contact.email
    if contact.phone:
        result["telephone"] = contact.phone
    return result
