import { Route, Switch } from "wouter";
import "./customers.css";
import { CustomerPage } from "./detail/customer-page.tsx";
import { EditCustomerPage } from "./form/edit-customer.tsx";
import { NewCustomerPage } from "./form/new-customer.tsx";
import { CustomerList } from "./list/customer-list.tsx";
import { DuplicatesPage } from "./merge/duplicates-page.tsx";
import { MergePage } from "./merge/merge-page.tsx";

/** The customers area: the list, a new customer, duplicates and merging, one customer and its edit form. */
export default function CustomersArea() {
  return (
    <Switch>
      <Route path="/" component={CustomerList} />
      <Route path="/new" component={NewCustomerPage} />
      <Route path="/duplicates" component={DuplicatesPage} />
      <Route path="/merge" component={MergePage} />
      <Route path="/:customerId/edit" component={EditCustomerPage} />
      <Route path="/:customerId" component={CustomerPage} />
    </Switch>
  );
}
