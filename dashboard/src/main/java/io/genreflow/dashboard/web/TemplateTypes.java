package io.genreflow.dashboard.web;

import io.genreflow.contracts.AudioInfo;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Energy;
import io.genreflow.contracts.EnergyDescriptors;
import io.genreflow.contracts.LabelScore;
import io.quarkus.qute.TemplateData;

/** The core library's types the pages read, for which Qute generates its property resolvers. */
@TemplateData(target = Verdict.class)
@TemplateData(target = TrackRecord.class)
@TemplateData(target = TrackRecord.Failure.class)
@TemplateData(target = AudioInfo.class)
@TemplateData(target = SourceObject.class)
@TemplateData(target = Energy.class)
@TemplateData(target = EnergyDescriptors.class)
@TemplateData(target = LabelScore.class)
@TemplateData(target = TrackStatus.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
