// Read calendar files with Mozilla's ical.js, as Thunderbird does, and print what it sees.
// Usage: node icaljs_read.cjs ICAL_JS_PATH FILE...; prints one JSON list of events.
const fs = require("fs");
const ICAL = require(process.argv[2]);

const events = [];
for (const file of process.argv.slice(3)) {
  const root = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  for (const component of root.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(component);
    const utc = (time) => time && time.convertToZone(ICAL.Timezone.utcTimezone).toString();
    events.push({
      file,
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      sequence: event.sequence,
      start_local: event.startDate.toString(),
      start_zone: event.startDate.zone ? event.startDate.zone.tzid : null,
      start_utc: utc(event.startDate),
      end_utc: utc(event.endDate),
      refresh: root.getFirstPropertyValue("refresh-interval")?.toString() ?? null,
      ttl: root.getFirstPropertyValue("x-published-ttl"),
    });
  }
}
process.stdout.write(JSON.stringify(events));
