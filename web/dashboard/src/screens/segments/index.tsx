import { Route, Switch } from "wouter";
import { SegmentList } from "./segment-list.tsx";
import { NewSegment, SegmentDetail } from "./segment-pages.tsx";
import "./segments.css";

/** The segments area: saved filters, the builder for new ones, and each segment's page. */
export default function SegmentsArea() {
  return (
    <Switch>
      <Route path="/" component={SegmentList} />
      <Route path="/new" component={NewSegment} />
      <Route path="/:segmentId" component={SegmentDetail} />
    </Switch>
  );
}
