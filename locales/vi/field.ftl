### visits, findings and the status overview

