"""Speed work must not change results. The CRF features the shipped model was trained on
are pinned here, character by character, for hand-written sentences with hand-given words
(so the pins depend on the tagger's lexicons only, not on jieba's segmentation); the
Turtle dump's triple order is checked against the plain string-key sort it replaced."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.build import BuildOptions, build
from kg.export.rdf import _sorted_quads, _sorted_triples
from kg.extract.tagger import default_lexicon, sentence_features
from kg.store import add_documents, open_store

PINNED = [
    (
        '欧阳明华处长在北京大学发言。',
        [('欧阳明华', 0, 4), ('处长', 4, 6), ('在', 6, 7), ('北京大学', 7, 11), ('发言', 11, 13), ('。', 13, 14)],
        [
            ['c=欧', 'c-1=\x02', 'c+1=阳', 'c-2=\x02', 'c+2=明', 'b-1=\x02欧', 'b+1=欧阳', 'b-2=\x02\x02', 'b+2=阳明', 'tri=\x02欧阳', 't=H^H', 'u=-', 'wp=B', 'wl=4B', 'wi=oov', 'wip=oovB', 'w=欧阳明华', 'wn=titleB', 'w+1=处长', 'title_next=B', 'wn2=dict', 'sur=B', 'sur_w=oovB|title', 'csur=B', 'org_ahead=9-12', 'org_ahead_w=oov9-12', 'tr=1S', 'ds=3n'],
            ['c=阳', 'c-1=欧', 'c+1=明', 'c-2=\x02', 'c+2=华', 'b-1=欧阳', 'b+1=阳明', 'b-2=\x02欧', 'b+2=明华', 'tri=欧阳明', 't=HHH', 'u=-', 'wp=M', 'wl=4M', 'wi=oov', 'wip=oovM', 'w=欧阳明华', 'wn=titleM', 'w+1=处长', 'title_next=M', 'wn2=dict', 'sur=M', 'sur_w=oovM|title', 'org_ahead=9-12', 'org_ahead_w=oov9-12', 'ds=2n'],
            ['c=明', 'c-1=阳', 'c+1=华', 'c-2=欧', 'c+2=处', 'b-1=阳明', 'b+1=明华', 'b-2=欧阳', 'b+2=华处', 'tri=阳明华', 't=HHH', 'u=-', 'wp=M', 'wl=4M', 'wi=oov', 'wip=oovM', 'w=欧阳明华', 'wn=titleM', 'w+1=处长', 'title_next=M', 'wn2=dict', 'sur=M', 'sur_w=oovM|title', 'org_ahead=6-8', 'org_ahead_w=oov6-8', 'de=3n'],
            ['c=华', 'c-1=明', 'c+1=处', 'c-2=阳', 'c+2=长', 'b-1=明华', 'b+1=华处', 'b-2=阳明', 'b+2=处长', 'tri=明华处', 't=HHH', 'u=-', 'wp=E', 'wl=4E', 'wi=oov', 'wip=oovE', 'w=欧阳明华', 'wn=titleE', 'w+1=处长', 'title_next=E', 'wn2=dict', 'sur=E', 'sur_w=oovE|title', 'org_ahead=6-8', 'org_ahead_w=oov6-8'],
            ['c=处', 'c-1=华', 'c+1=长', 'c-2=明', 'c+2=在', 'b-1=华处', 'b+1=处长', 'b-2=明华', 'b+2=长在', 'tri=华处长', 't=HHH', 'u=-', 'wp=B', 'wl=2B', 'wi=title', 'wip=titleB', 'w=处长', 'wf=title3B', 'wn=dictB', 'w+1=在', 'wv=oovB', 'w-1=欧阳明华', 'wn2=nt', 'org_ahead=6-8', 'org_ahead_w=title6-8', 'ds=2d'],
            ['c=长', 'c-1=处', 'c+1=在', 'c-2=华', 'c+2=北', 'b-1=处长', 'b+1=长在', 'b-2=华处', 'b+2=在北', 'tri=处长在', 't=HHH', 'u=-', 'wp=E', 'wl=2E', 'wi=title', 'wip=titleE', 'w=处长', 'wf=title3E', 'wn=dictE', 'w+1=在', 'wv=oovE', 'w-1=欧阳明华', 'wn2=nt', 'org_ahead=5', 'org_ahead_w=title5', 'de=2d'],
            ['c=在', 'c-1=长', 'c+1=北', 'c-2=处', 'c+2=京', 'b-1=长在', 'b+1=在北', 'b-2=处长', 'b+2=北京', 'tri=长在北', 't=HHH', 'u=-', 'wp=S', 'wl=1S', 'wi=dict', 'wip=dictS', 'wf=dict4S', 'wn=ntS', 'w+1=北京大学', 'wv=titleS', 'w-1=处长', 'wn2=dict', 'wv2=oov', 'org_ahead=4', 'org_ahead_w=dict4', 'wgz+1=ORG'],
            ['c=北', 'c-1=在', 'c+1=京', 'c-2=长', 'c+2=大', 'b-1=在北', 'b+1=北京', 'b-2=长在', 'b+2=京大', 'tri=在北京', 't=HHH', 'u=-', 'wp=B', 'wl=4B', 'wi=nt', 'wip=ntB', 'w=北京大学', 'wf=nt3B', 'wn=dictB', 'w+1=发言', 'wv=dictB', 'w-1=在', 'wn2=oov1', 'wv2=title', 'org_ahead=3', 'org_ahead_w=nt3', 'gz=ORGB', 'wgz=ORG', 'ds=4d'],
            ['c=京', 'c-1=北', 'c+1=大', 'c-2=在', 'c+2=学', 'b-1=北京', 'b+1=京大', 'b-2=在北', 'b+2=大学', 'tri=北京大', 't=HHH', 'u=-', 'wp=M', 'wl=4M', 'wi=nt', 'wip=ntM', 'w=北京大学', 'wf=nt3M', 'wn=dictM', 'w+1=发言', 'wv=dictM', 'w-1=在', 'wn2=oov1', 'wv2=title', 'org_ahead=2', 'org_ahead_w=nt2', 'gz=ORGI', 'wgz=ORG'],
            ['c=大', 'c-1=京', 'c+1=学', 'c-2=北', 'c+2=发', 'b-1=京大', 'b+1=大学', 'b-2=北京', 'b+2=学发', 'tri=京大学', 't=HHH', 'u=-', 'wp=M', 'wl=4M', 'wi=nt', 'wip=ntM', 'w=北京大学', 'wf=nt3M', 'wn=dictM', 'w+1=发言', 'wv=dictM', 'w-1=在', 'wn2=oov1', 'wv2=title', 'org_end+1', 'org_ahead=1', 'org_ahead_w=nt1', 'gz=ORGI', 'wgz=ORG', 'ds=2d'],
            ['c=学', 'c-1=大', 'c+1=发', 'c-2=京', 'c+2=言', 'b-1=大学', 'b+1=学发', 'b-2=京大', 'b+2=发言', 'tri=大学发', 't=HHH', 'u=-', 'wp=E', 'wl=4E', 'wi=nt', 'wip=ntE', 'w=北京大学', 'wf=nt3E', 'wn=dictE', 'w+1=发言', 'wv=dictE', 'w-1=在', 'wn2=oov1', 'wv2=title', 'org_end', 'org_ahead=0', 'org_ahead_w=nt0', 'gz=ORGE', 'wgz=ORG', 'de=4d'],
            ['c=发', 'c-1=学', 'c+1=言', 'c-2=大', 'c+2=。', 'b-1=学发', 'b+1=发言', 'b-2=大学', 'b+2=言。', 'tri=学发言', 't=HHH', 'u=-', 'wp=B', 'wl=2B', 'wi=dict', 'wip=dictB', 'w=发言', 'wf=dict3B', 'wn=oov1B', 'w+1=。', 'wv=ntB', 'w-1=北京大学', 'wv2=dict', 'wgz-1=ORG', 'ds=2d'],
            ['c=言', 'c-1=发', 'c+1=。', 'c-2=学', 'c+2=\x03', 'b-1=发言', 'b+1=言。', 'b-2=学发', 'b+2=。\x03', 'tri=发言。', 't=HHP', 'u=-', 'wp=E', 'wl=2E', 'wi=dict', 'wip=dictE', 'w=发言', 'wf=dict3E', 'wn=oov1E', 'w+1=。', 'wv=ntE', 'w-1=北京大学', 'wv2=dict', 'wgz-1=ORG', 'de=2d'],
            ['c=。', 'c-1=言', 'c+1=\x03', 'c-2=发', 'c+2=\x03', 'b-1=言。', 'b+1=。\x03', 'b-2=发言', 'b+2=\x03\x03', 'tri=言。\x03', 't=PH$', 'u=-', 'wp=S', 'wl=1S', 'wi=oov1', 'wip=oov1S', 'wv=dictS', 'w-1=发言', 'wv2=nt'],
        ],
    ),
    (
        'ABC公司2023年在上海市成立，约翰·史密斯任CEO！',
        [('ABC', 0, 3), ('公司', 3, 5), ('2023', 5, 9), ('年', 9, 10), ('在', 10, 11), ('上海市', 11, 14), ('成立', 14, 16), ('，', 16, 17), ('约翰', 17, 19), ('·', 19, 20), ('史密斯', 20, 23), ('任', 23, 24), ('CEO', 24, 27), ('！', 27, 28)],
        [
            ['c=A', 'c-1=\x02', 'c+1=B', 'c-2=\x02', 'c+2=C', 'b-1=\x02A', 'b+1=AB', 'b-2=\x02\x02', 'b+2=BC', 'tri=\x02AB', 't=L^L', 'u=U', 'wp=B', 'wl=3B', 'wi=oov', 'wip=oovB', 'w=ABC', 'wn=dictB', 'w+1=公司', 'wn2=oov', 'org_ahead=4', 'org_ahead_w=oov4'],
            ['c=B', 'c-1=A', 'c+1=C', 'c-2=\x02', 'c+2=公', 'b-1=AB', 'b+1=BC', 'b-2=\x02A', 'b+2=C公', 'tri=ABC', 't=LLL', 'u=U', 'wp=M', 'wl=3M', 'wi=oov', 'wip=oovM', 'w=ABC', 'wn=dictM', 'w+1=公司', 'wn2=oov', 'org_ahead=3', 'org_ahead_w=oov3'],
            ['c=C', 'c-1=B', 'c+1=公', 'c-2=A', 'c+2=司', 'b-1=BC', 'b+1=C公', 'b-2=AB', 'b+2=公司', 'tri=BC公', 't=LLH', 'u=U', 'wp=E', 'wl=3E', 'wi=oov', 'wip=oovE', 'w=ABC', 'wn=dictE', 'w+1=公司', 'wn2=oov', 'org_ahead=2', 'org_ahead_w=oov2'],
            ['c=公', 'c-1=C', 'c+1=司', 'c-2=B', 'c+2=2', 'b-1=C公', 'b+1=公司', 'b-2=BC', 'b+2=司2', 'tri=C公司', 't=HLH', 'u=-', 'wp=B', 'wl=2B', 'wi=dict', 'wip=dictB', 'w=公司', 'wf=dict4B', 'wn=oovB', 'w+1=2023', 'wv=oovB', 'w-1=ABC', 'wn2=dict', 'sur=B', 'sur_w=dictB|oov', 'org_end+1', 'org_ahead=1', 'org_ahead_w=dict1', 'ds=2d'],
            ['c=司', 'c-1=公', 'c+1=2', 'c-2=C', 'c+2=0', 'b-1=公司', 'b+1=司2', 'b-2=C公', 'b+2=20', 'tri=公司2', 't=HHD', 'u=-', 'wp=E', 'wl=2E', 'wi=dict', 'wip=dictE', 'w=公司', 'wf=dict4E', 'wn=oovE', 'w+1=2023', 'wv=oovE', 'w-1=ABC', 'wn2=dict', 'sur=E', 'sur_w=dictE|oov', 'org_end', 'org_ahead=0', 'org_ahead_w=dict0', 'de=2d'],
            ['c=2', 'c-1=司', 'c+1=0', 'c-2=公', 'c+2=2', 'b-1=司2', 'b+1=20', 'b-2=公司', 'b+2=02', 'tri=司20', 't=DHD', 'u=-', 'wp=B', 'wl=4B', 'wi=oov', 'wip=oovB', 'w=2023', 'wn=dictB', 'w+1=年', 'wv=dictB', 'w-1=公司', 'wn2=dict', 'wv2=oov'],
            ['c=0', 'c-1=2', 'c+1=2', 'c-2=司', 'c+2=3', 'b-1=20', 'b+1=02', 'b-2=司2', 'b+2=23', 'tri=202', 't=DDD', 'u=-', 'wp=M', 'wl=4M', 'wi=oov', 'wip=oovM', 'w=2023', 'wn=dictM', 'w+1=年', 'wv=dictM', 'w-1=公司', 'wn2=dict', 'wv2=oov'],
            ['c=2', 'c-1=0', 'c+1=3', 'c-2=2', 'c+2=年', 'b-1=02', 'b+1=23', 'b-2=20', 'b+2=3年', 'tri=023', 't=DDD', 'u=-', 'wp=M', 'wl=4M', 'wi=oov', 'wip=oovM', 'w=2023', 'wn=dictM', 'w+1=年', 'wv=dictM', 'w-1=公司', 'wn2=dict', 'wv2=oov'],
            ['c=3', 'c-1=2', 'c+1=年', 'c-2=0', 'c+2=在', 'b-1=23', 'b+1=3年', 'b-2=02', 'b+2=年在', 'tri=23年', 't=DDH', 'u=-', 'wp=E', 'wl=4E', 'wi=oov', 'wip=oovE', 'w=2023', 'wn=dictE', 'w+1=年', 'wv=dictE', 'w-1=公司', 'wn2=dict', 'wv2=oov'],
            ['c=年', 'c-1=3', 'c+1=在', 'c-2=2', 'c+2=上', 'b-1=3年', 'b+1=年在', 'b-2=23', 'b+2=在上', 'tri=3年在', 't=HDH', 'u=-', 'wp=S', 'wl=1S', 'wi=dict', 'wip=dictS', 'wf=dict4S', 'wn=dictS', 'w+1=在', 'wv=oovS', 'w-1=2023', 'wn2=ns', 'wv2=dict'],
            ['c=在', 'c-1=年', 'c+1=上', 'c-2=3', 'c+2=海', 'b-1=年在', 'b+1=在上', 'b-2=3年', 'b+2=上海', 'tri=年在上', 't=HHH', 'u=-', 'wp=S', 'wl=1S', 'wi=dict', 'wip=dictS', 'wf=dict4S', 'wn=nsS', 'w+1=上海市', 'wv=dictS', 'w-1=年', 'wn2=dict', 'wv2=oov', 'wgz+1=LOC'],
            ['c=上', 'c-1=在', 'c+1=海', 'c-2=年', 'c+2=市', 'b-1=在上', 'b+1=上海', 'b-2=年在', 'b+2=海市', 'tri=在上海', 't=HHH', 'u=-', 'wp=B', 'wl=3B', 'wi=ns', 'wip=nsB', 'w=上海市', 'wf=ns3B', 'wn=dictB', 'w+1=成立', 'wv=dictB', 'w-1=在', 'wn2=oov1', 'wv2=dict', 'gz=LOCB', 'wgz=LOC', 'ds=3n'],
            ['c=海', 'c-1=上', 'c+1=市', 'c-2=在', 'c+2=成', 'b-1=上海', 'b+1=海市', 'b-2=在上', 'b+2=市成', 'tri=上海市', 't=HHH', 'u=-', 'wp=M', 'wl=3M', 'wi=ns', 'wip=nsM', 'w=上海市', 'wf=ns3M', 'wn=dictM', 'w+1=成立', 'wv=dictM', 'w-1=在', 'wn2=oov1', 'wv2=dict', 'sur=M', 'sur_w=nsM|dict', 'gz=LOCI', 'wgz=LOC', 'tr=1S', 'ds=2d'],
            ['c=市', 'c-1=海', 'c+1=成', 'c-2=上', 'c+2=立', 'b-1=海市', 'b+1=市成', 'b-2=上海', 'b+2=成立', 'tri=海市成', 't=HHH', 'u=-', 'wp=E', 'wl=3E', 'wi=ns', 'wip=nsE', 'w=上海市', 'wf=ns3E', 'wn=dictE', 'w+1=成立', 'wv=dictE', 'w-1=在', 'wn2=oov1', 'wv2=dict', 'place_end', 'gz=LOCE', 'wgz=LOC', 'de=3n'],
            ['c=成', 'c-1=市', 'c+1=立', 'c-2=海', 'c+2=，', 'b-1=市成', 'b+1=成立', 'b-2=海市', 'b+2=立，', 'tri=市成立', 't=HHH', 'u=-', 'wp=B', 'wl=2B', 'wi=dict', 'wip=dictB', 'w=成立', 'wf=dict4B', 'wn=oov1B', 'w+1=，', 'wv=nsB', 'w-1=上海市', 'wn2=nrt', 'wv2=dict', 'sur=B', 'sur_w=dictB|oov1', 'wgz-1=LOC', 'ds=2d'],
            ['c=立', 'c-1=成', 'c+1=，', 'c-2=市', 'c+2=约', 'b-1=成立', 'b+1=立，', 'b-2=市成', 'b+2=，约', 'tri=成立，', 't=HHP', 'u=-', 'wp=E', 'wl=2E', 'wi=dict', 'wip=dictE', 'w=成立', 'wf=dict4E', 'wn=oov1E', 'w+1=，', 'wv=nsE', 'w-1=上海市', 'wn2=nrt', 'wv2=dict', 'wgz-1=LOC', 'de=2d'],
            ['c=，', 'c-1=立', 'c+1=约', 'c-2=成', 'c+2=翰', 'b-1=立，', 'b+1=，约', 'b-2=成立', 'b+2=约翰', 'tri=立，约', 't=PHH', 'u=-', 'wp=S', 'wl=1S', 'wi=oov1', 'wip=oov1S', 'wn=nrtS', 'w+1=约翰', 'wv=dictS', 'w-1=成立', 'wn2=oov1', 'wv2=ns', 'wgz+1=PER'],
            ['c=约', 'c-1=，', 'c+1=翰', 'c-2=立', 'c+2=·', 'b-1=，约', 'b+1=约翰', 'b-2=立，', 'b+2=翰·', 'tri=，约翰', 't=HPH', 'u=-', 'wp=B', 'wl=2B', 'wi=nrt', 'wip=nrtB', 'w=约翰', 'wf=nrt2B', 'wn=oov1B', 'w+1=·', 'wv=oov1B', 'w-1=，', 'wn2=nr', 'wv2=dict', 'gz=PERB', 'wgz=PER', 'tr=2B', 'ds=2n'],
            ['c=翰', 'c-1=约', 'c+1=·', 'c-2=，', 'c+2=史', 'b-1=约翰', 'b+1=翰·', 'b-2=，约', 'b+2=·史', 'tri=约翰·', 't=HHM', 'u=-', 'wp=E', 'wl=2E', 'wi=nrt', 'wip=nrtE', 'w=约翰', 'wf=nrt2E', 'wn=oov1E', 'w+1=·', 'wv=oov1E', 'w-1=，', 'wn2=nr', 'wv2=dict', 'gz=PERE', 'wgz=PER', 'tr=2E', 'de=2n'],
            ['c=·', 'c-1=翰', 'c+1=史', 'c-2=约', 'c+2=密', 'b-1=翰·', 'b+1=·史', 'b-2=约翰', 'b+2=史密', 'tri=翰·史', 't=MHH', 'u=-', 'wp=S', 'wl=1S', 'wi=oov1', 'wip=oov1S', 'wn=nrS', 'w+1=史密斯', 'wv=nrtS', 'w-1=约翰', 'wn2=dict', 'wv2=oov1', 'wgz-1=PER', 'wgz+1=PER'],
            ['c=史', 'c-1=·', 'c+1=密', 'c-2=翰', 'c+2=斯', 'b-1=·史', 'b+1=史密', 'b-2=翰·', 'b+2=密斯', 'tri=·史密', 't=HMH', 'u=-', 'wp=B', 'wl=3B', 'wi=nr', 'wip=nrB', 'w=史密斯', 'wf=nr2B', 'wn=dictB', 'w+1=任', 'wv=oov1B', 'w-1=·', 'wn2=oov', 'wv2=nrt', 'sur=B', 'sur_w=nrB|dict', 'gz=PERB', 'wgz=PER', 'ds=3n'],
            ['c=密', 'c-1=史', 'c+1=斯', 'c-2=·', 'c+2=任', 'b-1=史密', 'b+1=密斯', 'b-2=·史', 'b+2=斯任', 'tri=史密斯', 't=HHH', 'u=-', 'wp=M', 'wl=3M', 'wi=nr', 'wip=nrM', 'w=史密斯', 'wf=nr2M', 'wn=dictM', 'w+1=任', 'wv=oov1M', 'w-1=·', 'wn2=oov', 'wv2=nrt', 'gz=PERI', 'wgz=PER', 'ds=2n'],
            ['c=斯', 'c-1=密', 'c+1=任', 'c-2=史', 'c+2=C', 'b-1=密斯', 'b+1=斯任', 'b-2=史密', 'b+2=任C', 'tri=密斯任', 't=HHH', 'u=-', 'wp=E', 'wl=3E', 'wi=nr', 'wip=nrE', 'w=史密斯', 'wf=nr2E', 'wn=dictE', 'w+1=任', 'wv=oov1E', 'w-1=·', 'wn2=oov', 'wv2=nrt', 'sur=E', 'sur_w=nrE|dict', 'gz=PERE', 'wgz=PER', 'tr=1S', 'de=3n'],
            ['c=任', 'c-1=斯', 'c+1=C', 'c-2=密', 'c+2=E', 'b-1=斯任', 'b+1=任C', 'b-2=密斯', 'b+2=CE', 'tri=斯任C', 't=HHL', 'u=-', 'wp=S', 'wl=1S', 'wi=dict', 'wip=dictS', 'wf=dict4S', 'wn=oovS', 'w+1=CEO', 'wv=nrS', 'w-1=史密斯', 'wn2=oov1', 'wv2=oov1', 'sur=S', 'sur_w=dictS|oov', 'wgz-1=PER'],
            ['c=C', 'c-1=任', 'c+1=E', 'c-2=斯', 'c+2=O', 'b-1=任C', 'b+1=CE', 'b-2=斯任', 'b+2=EO', 'tri=任CE', 't=LHL', 'u=U', 'wp=B', 'wl=3B', 'wi=oov', 'wip=oovB', 'w=CEO', 'wn=oov1B', 'w+1=！', 'wv=dictB', 'w-1=任', 'wv2=nr'],
            ['c=E', 'c-1=C', 'c+1=O', 'c-2=任', 'c+2=！', 'b-1=CE', 'b+1=EO', 'b-2=任C', 'b+2=O！', 'tri=CEO', 't=LLL', 'u=U', 'wp=M', 'wl=3M', 'wi=oov', 'wip=oovM', 'w=CEO', 'wn=oov1M', 'w+1=！', 'wv=dictM', 'w-1=任', 'wv2=nr'],
            ['c=O', 'c-1=E', 'c+1=！', 'c-2=C', 'c+2=\x03', 'b-1=EO', 'b+1=O！', 'b-2=CE', 'b+2=！\x03', 'tri=EO！', 't=LLP', 'u=U', 'wp=E', 'wl=3E', 'wi=oov', 'wip=oovE', 'w=CEO', 'wn=oov1E', 'w+1=！', 'wv=dictE', 'w-1=任', 'wv2=nr'],
            ['c=！', 'c-1=O', 'c+1=\x03', 'c-2=E', 'c+2=\x03', 'b-1=O！', 'b+1=！\x03', 'b-2=EO', 'b+2=\x03\x03', 'tri=O！\x03', 't=PL$', 'u=-', 'wp=S', 'wl=1S', 'wi=oov1', 'wip=oov1S', 'wv=oovS', 'w-1=CEO', 'wv2=dict'],
        ],
    ),
    (
        '司马光说 华为技术有限公司很强',
        [('司马光', 0, 3), ('说', 3, 4), ('华为', 5, 7), ('技术', 7, 9), ('有限公司', 9, 13), ('很', 13, 14), ('强', 14, 15)],
        [
            ['c=司', 'c-1=\x02', 'c+1=马', 'c-2=\x02', 'c+2=光', 'b-1=\x02司', 'b+1=司马', 'b-2=\x02\x02', 'b+2=马光', 'tri=\x02司马', 't=H^H', 'u=-', 'wp=B', 'wl=3B', 'wi=nr', 'wip=nrB', 'w=司马光', 'wf=nr2B', 'wn=dictB', 'w+1=说', 'wn2=nr', 'sur=B', 'sur_w=nrB|dict', 'csur=B', 'gz=PERB', 'wgz=PER', 'ds=3n'],
            ['c=马', 'c-1=司', 'c+1=光', 'c-2=\x02', 'c+2=说', 'b-1=司马', 'b+1=马光', 'b-2=\x02司', 'b+2=光说', 'tri=司马光', 't=HHH', 'u=-', 'wp=M', 'wl=3M', 'wi=nr', 'wip=nrM', 'w=司马光', 'wf=nr2M', 'wn=dictM', 'w+1=说', 'wn2=nr', 'sur=M', 'sur_w=nrM|dict', 'gz=PERI', 'wgz=PER', 'tr=1S'],
            ['c=光', 'c-1=马', 'c+1=说', 'c-2=司', 'c+2= ', 'b-1=马光', 'b+1=光说', 'b-2=司马', 'b+2=说 ', 'tri=马光说', 't=HHH', 'u=-', 'wp=E', 'wl=3E', 'wi=nr', 'wip=nrE', 'w=司马光', 'wf=nr2E', 'wn=dictE', 'w+1=说', 'wn2=nr', 'gz=PERE', 'wgz=PER', 'de=3n'],
            ['c=说', 'c-1=光', 'c+1= ', 'c-2=马', 'c+2=华', 'b-1=光说', 'b+1=说 ', 'b-2=马光', 'b+2= 华', 'tri=光说 ', 't=HHS', 'u=-', 'wp=S', 'wl=1S', 'wi=dict', 'wip=dictS', 'wf=dict4S', 'wn=nrS', 'w+1=华为', 'wv=nrS', 'w-1=司马光', 'wn2=dict', 'wgz-1=PER', 'wgz+1=ORG'],
            ['c= ', 'c-1=说', 'c+1=华', 'c-2=光', 'c+2=为', 'b-1=说 ', 'b+1= 华', 'b-2=光说', 'b+2=华为', 'tri=说 华', 't=SHH', 'u=-', 'wp=-'],
            ['c=华', 'c-1= ', 'c+1=为', 'c-2=说', 'c+2=技', 'b-1= 华', 'b+1=华为', 'b-2=说 ', 'b+2=为技', 'tri= 华为', 't=HSH', 'u=-', 'wp=B', 'wl=2B', 'wi=nr', 'wip=nrB', 'w=华为', 'wf=nr2B', 'wn=dictB', 'w+1=技术', 'wv=dictB', 'w-1=说', 'wn2=dict', 'wv2=nr', 'sur=B', 'sur_w=nrB|dict', 'org_ahead=6-8', 'org_ahead_w=nr6-8', 'gz=ORGB', 'wgz=ORG', 'ds=4d'],
            ['c=为', 'c-1=华', 'c+1=技', 'c-2= ', 'c+2=术', 'b-1=华为', 'b+1=为技', 'b-2= 华', 'b+2=技术', 'tri=华为技', 't=HHH', 'u=-', 'wp=E', 'wl=2E', 'wi=nr', 'wip=nrE', 'w=华为', 'wf=nr2E', 'wn=dictE', 'w+1=技术', 'wv=dictE', 'w-1=说', 'wn2=dict', 'wv2=nr', 'org_ahead=6-8', 'org_ahead_w=nr6-8', 'gz=ORGE', 'wgz=ORG'],
            ['c=技', 'c-1=为', 'c+1=术', 'c-2=华', 'c+2=有', 'b-1=为技', 'b+1=技术', 'b-2=华为', 'b+2=术有', 'tri=为技术', 't=HHH', 'u=-', 'wp=B', 'wl=2B', 'wi=dict', 'wip=dictB', 'w=技术', 'wf=dict4B', 'wn=dictB', 'w+1=有限公司', 'wv=nrB', 'w-1=华为', 'wn2=dict', 'wv2=dict', 'org_ahead=5', 'org_ahead_w=dict5', 'wgz-1=ORG', 'ds=2d'],
            ['c=术', 'c-1=技', 'c+1=有', 'c-2=为', 'c+2=限', 'b-1=技术', 'b+1=术有', 'b-2=为技', 'b+2=有限', 'tri=技术有', 't=HHH', 'u=-', 'wp=E', 'wl=2E', 'wi=dict', 'wip=dictE', 'w=技术', 'wf=dict4E', 'wn=dictE', 'w+1=有限公司', 'wv=nrE', 'w-1=华为', 'wn2=dict', 'wv2=dict', 'org_ahead=4', 'org_ahead_w=dict4', 'wgz-1=ORG', 'de=4d'],
            ['c=有', 'c-1=术', 'c+1=限', 'c-2=技', 'c+2=公', 'b-1=术有', 'b+1=有限', 'b-2=技术', 'b+2=限公', 'tri=术有限', 't=HHH', 'u=-', 'wp=B', 'wl=4B', 'wi=dict', 'wip=dictB', 'w=有限公司', 'wf=dict4B', 'wn=dictB', 'w+1=很', 'wv=dictB', 'w-1=技术', 'wn2=dict', 'wv2=nr', 'org_ahead=3', 'org_ahead_w=dict3', 'ds=4d'],
            ['c=限', 'c-1=有', 'c+1=公', 'c-2=术', 'c+2=司', 'b-1=有限', 'b+1=限公', 'b-2=术有', 'b+2=公司', 'tri=有限公', 't=HHH', 'u=-', 'wp=M', 'wl=4M', 'wi=dict', 'wip=dictM', 'w=有限公司', 'wf=dict4M', 'wn=dictM', 'w+1=很', 'wv=dictM', 'w-1=技术', 'wn2=dict', 'wv2=nr', 'org_ahead=2', 'org_ahead_w=dict2'],
            ['c=公', 'c-1=限', 'c+1=司', 'c-2=有', 'c+2=很', 'b-1=限公', 'b+1=公司', 'b-2=有限', 'b+2=司很', 'tri=限公司', 't=HHH', 'u=-', 'wp=M', 'wl=4M', 'wi=dict', 'wip=dictM', 'w=有限公司', 'wf=dict4M', 'wn=dictM', 'w+1=很', 'wv=dictM', 'w-1=技术', 'wn2=dict', 'wv2=nr', 'sur=M', 'sur_w=dictM|dict', 'org_end+1', 'org_ahead=1', 'org_ahead_w=dict1', 'ds=2d'],
            ['c=司', 'c-1=公', 'c+1=很', 'c-2=限', 'c+2=强', 'b-1=公司', 'b+1=司很', 'b-2=限公', 'b+2=很强', 'tri=公司很', 't=HHH', 'u=-', 'wp=E', 'wl=4E', 'wi=dict', 'wip=dictE', 'w=有限公司', 'wf=dict4E', 'wn=dictE', 'w+1=很', 'wv=dictE', 'w-1=技术', 'wn2=dict', 'wv2=nr', 'sur=E', 'sur_w=dictE|dict', 'org_end', 'org_ahead=0', 'org_ahead_w=dict0', 'de=4d'],
            ['c=很', 'c-1=司', 'c+1=强', 'c-2=公', 'c+2=\x03', 'b-1=司很', 'b+1=很强', 'b-2=公司', 'b+2=强\x03', 'tri=司很强', 't=HHH', 'u=-', 'wp=S', 'wl=1S', 'wi=dict', 'wip=dictS', 'wf=dict4S', 'wn=dictS', 'w+1=强', 'wv=dictS', 'w-1=有限公司', 'wv2=dict'],
            ['c=强', 'c-1=很', 'c+1=\x03', 'c-2=司', 'c+2=\x03', 'b-1=很强', 'b+1=强\x03', 'b-2=司很', 'b+2=\x03\x03', 'tri=很强\x03', 't=HH$', 'u=-', 'wp=S', 'wl=1S', 'wi=dict', 'wip=dictS', 'wf=dict4S', 'wv=dictS', 'w-1=很', 'wv2=dict', 'sur=S', 'sur_w=dictS|$'],
        ],
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), PINNED, ids=["title", "latin-digits-dot", "gap"])
def test_crf_features_are_the_strings_the_model_was_trained_on(
        text: str, words: list[tuple[str, int, int]], expected: list[list[str]]) -> None:
    assert sentence_features(text, words, default_lexicon()) == expected


EX = "http://example.org/"


def tricky_quads() -> list[pyoxigraph.Quad]:
    """Terms whose strings are prefixes of each other, escapes, language tags, datatypes."""
    subjects = [pyoxigraph.NamedNode(EX + "a"), pyoxigraph.NamedNode(EX + "a-b"), pyoxigraph.NamedNode(EX + "ab"),
                pyoxigraph.BlankNode("b1"), pyoxigraph.BlankNode("b12")]
    predicates = [pyoxigraph.NamedNode(EX + "p"), pyoxigraph.NamedNode(EX + "p2")]
    objects = [
        pyoxigraph.Literal("张"), pyoxigraph.Literal("张三"), pyoxigraph.Literal("张", language="zh"),
        pyoxigraph.Literal("张", language="zh-hans"), pyoxigraph.Literal("a b"), pyoxigraph.Literal("a"),
        pyoxigraph.Literal("a\nb"), pyoxigraph.Literal("a\tb"), pyoxigraph.Literal('a"b'), pyoxigraph.Literal("a\\b"),
        pyoxigraph.Literal("7", datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        pyoxigraph.NamedNode(EX + "o"), pyoxigraph.BlankNode("b1"),
    ]
    graphs = [pyoxigraph.NamedNode(EX + "doc/2"), pyoxigraph.NamedNode(EX + "doc/10"), pyoxigraph.NamedNode(EX + "doc")]
    return [pyoxigraph.Quad(s, p, o, g)
            for gi, g in enumerate(graphs) for si, s in enumerate(subjects) for p in predicates
            for oi, o in enumerate(objects) if (gi + si + oi) % 3]  # graphs share some triples, not all


def str_key(q: pyoxigraph.Quad | pyoxigraph.Triple) -> tuple[str, ...]:
    graph = (str(q.graph_name),) if isinstance(q, pyoxigraph.Quad) else ()
    return graph + (str(q.subject), str(q.predicate), str(q.object))


def test_turtle_triple_order_is_the_order_of_the_terms_strings() -> None:
    store = pyoxigraph.Store()
    add_documents(store, tricky_quads())
    expected = sorted({q.triple for q in tricky_quads()}, key=str_key)
    assert _sorted_triples(store) == expected


def test_trig_quad_order_is_the_order_of_the_terms_strings() -> None:
    store = pyoxigraph.Store()
    add_documents(store, tricky_quads())
    assert _sorted_quads(store) == sorted(tricky_quads(), key=str_key)


def test_build_exports_and_counts_what_the_written_store_holds(tmp_path: Path) -> None:
    source = tmp_path / "in" / "report.txt"
    source.parent.mkdir()
    source.write_text("工业和信息化部信息技术发展司司长王建国主持会议。\n清华大学教授李明华介绍了区块链。\n", encoding="utf-8")
    summary = build(BuildOptions([source.parent], tmp_path / "out"))
    store = open_store(tmp_path / "out")
    written = {q for q in store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)}
    union = set(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))
    assert (summary.quads, summary.triples) == (len(written), len(union)) != (0, 0)
    turtle = pyoxigraph.parse(path=str(tmp_path / "out" / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert {q.triple for q in turtle} == {q.triple for q in union}
